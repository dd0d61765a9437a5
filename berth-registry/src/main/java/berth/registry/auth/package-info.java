/**
 * Who may do what: the htpasswd (Basic) gate, token mode (the token endpoint and the Bearer gate),
 * scopes and access rules. Knows requests only by their headers; never touches storage.
 */
package berth.registry.auth;
