/** OCI runtime spec config.json records (runtime-spec v1.0.2). */
package berth.runtime.oci;
