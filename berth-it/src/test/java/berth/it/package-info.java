/**
 * Integration tests for issue 2: real containers through a real berthd started by the test kit,
 * driven by both the berth CLI and the real docker CLI, plus raw API calls for status and message
 * checks. Every class gets its own daemon; the kit fails a class that leaks.
 */
package berth.it;
