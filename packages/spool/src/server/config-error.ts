/** The server was asked to start in a way that would be unsafe or cannot work. */
export class ServerConfigError extends Error {
  override name = 'ServerConfigError';
}
