/**
 * {@code run}/{@code create}/{@code exec}/{@code attach} plumbing: docker's container flags mapped
 * to the create body, the create–attach–start–wait flow, and the terminal (raw mode, resize,
 * detach keys). Talks to the daemon only through {@code berth.client}.
 */
package berth.cli.run;
