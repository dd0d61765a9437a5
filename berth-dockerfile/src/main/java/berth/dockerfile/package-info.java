/**
 * The Dockerfile language: parser directives, logical lines, instructions and their flags, heredocs,
 * variable expansion and the .dockerignore matcher. Pure logic over strings handed in; it must not
 * touch files, images or the engine.
 */
package berth.dockerfile;
