/**
 * berthd: command line and daemon.json, the data-root lock, wiring storage, engine and API
 * server together, and an orderly shutdown. Holds no container or HTTP logic of its own.
 */
package berth.daemon;
