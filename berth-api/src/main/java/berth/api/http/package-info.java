/**
 * HTTP plumbing shared by every route: routing, versions, request bodies, responses, streams,
 * hijacked connections and the one error mapper. Knows nothing about containers or images.
 */
package berth.api.http;
