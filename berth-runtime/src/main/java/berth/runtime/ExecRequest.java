package berth.runtime;

import berth.runtime.oci.Spec;

/**
 * What to run with exec: the OCI process (args, env, cwd, user, capabilities, terminal) and which
 * streams the caller wants.
 */
public record ExecRequest(String execId, Spec.Process process, boolean attachStdin, boolean detach) {}
