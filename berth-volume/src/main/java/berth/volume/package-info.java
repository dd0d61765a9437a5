/** Volumes, the local driver, copy-up and mount-spec resolution. Knows nothing of containers beyond ids. */
package berth.volume;
