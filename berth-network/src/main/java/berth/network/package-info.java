/** Networks, IPAM, CNI invocation, network namespaces, port mappings and the embedded DNS. Knows nothing of containers beyond ids and netns paths. */
package berth.network;
