/**
 * The builder: runs a parsed Dockerfile (berth-dockerfile) against a build context, stage by
 * stage, as Docker's classic builder does. RUN goes through the engine's own container path;
 * COPY/ADD and WORKDIR write into a snapshot of their own; metadata steps only write a config.
 * Every step becomes an image (its id is what the step cache remembers). It must not reach into
 * the engine's internals: containers through {@code ContainerService}, images through
 * {@code ImageStore}, layers through the snapshotter and the content store.
 */
package berth.build;
