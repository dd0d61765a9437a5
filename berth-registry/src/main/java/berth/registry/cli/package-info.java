/**
 * The registry's commands ({@code serve}, {@code gc}), shared by the {@code berth-registry}
 * launcher and {@code berth registry}.
 */
package berth.registry.cli;
