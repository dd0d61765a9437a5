/**
 * Networks, IPAM, CNI invocation, network namespaces, port mappings and the embedded DNS. Knows
 * nothing of containers beyond ids, names and netns paths; must not touch runc, mounts or images.
 *
 * <p>Design: addresses are Berth's own ({@link berth.network.Ipam}, leases are the endpoint files
 * of {@link berth.network.NetworkStore}) and reach the standard CNI plugins through the {@code
 * static} IPAM plugin, so a restart or a crash never disagrees with a plugin's private lease
 * database. The kernel does the data path: bridge + veth, portmap DNAT for published ports (no
 * userland proxy), Berth's BERTH-ISOLATION chains between networks. Names are answered by
 * {@link berth.network.DnsServer} on each user-defined network's gateway. Entry point for the
 * engine: {@link berth.network.NetworkService}.
 */
package berth.network;
