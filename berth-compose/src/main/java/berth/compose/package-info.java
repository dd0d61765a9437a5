/**
 * Compose: a project described by compose files, brought up and down through {@code berth-client}
 * only, so it drives any engine that speaks the Docker API. Loading lives in {@code load}; nothing
 * here touches engine internals.
 */
package berth.compose;
