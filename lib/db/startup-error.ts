/**
 * A fault of the environment (database unreachable, folder in use, migrations missing) that the
 * CLI and the server report as one line naming the problem, never as a bare stack trace.
 */
export class StartupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StartupError";
  }
}

/** Turns a driver error into a sentence a newcomer can act on. */
export function explainConnectionError(error: unknown, where: string): StartupError {
  if (error instanceof StartupError) return error;
  const e = error as { code?: string; message?: string };
  const code = e?.code ?? "";
  const reasons: Record<string, string> = {
    ECONNREFUSED: "nothing is listening there",
    ENOTFOUND: "the host name is unknown",
    EAI_AGAIN: "the host name could not be resolved",
    ETIMEDOUT: "the connection timed out",
    "28P01": "the password was refused",
    "28000": "the user is not allowed to connect",
    "3D000": "the database does not exist",
  };
  const reason = reasons[code] ?? (e?.message ?? String(error)).split("\n")[0];
  return new StartupError(`Cannot connect to ${where}: ${reason}.`, { cause: error });
}
