import { ConfigError } from '../infra/fatal';
import { readDatabaseSettings, type DatabaseSettings } from '../infra/settings';

export { PROJECT_ROOT } from '../infra/paths';

export interface ServerConfig extends DatabaseSettings {
  port: number;
  host: string;
  /** Optional raster or vector basemap (style or tile URL) drawn under our own layers. */
  basemapUrl: string | undefined;
  /** Secret for administrators' actions (service catalogue, contiguity exceptions); unset disables them. */
  adminToken: string | undefined;
}

/** An administrator token shorter than this is too easy to guess. */
export const MIN_ADMIN_TOKEN_LENGTH = 16;

export function readServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT deve essere un numero di porta, non "${env.PORT}" / PORT must be a port number, got "${env.PORT}"`);
  }
  const adminToken = env.ADMIN_TOKEN || undefined;
  if (adminToken !== undefined && adminToken.length < MIN_ADMIN_TOKEN_LENGTH) {
    throw new ConfigError(
      `ADMIN_TOKEN deve avere almeno ${MIN_ADMIN_TOKEN_LENGTH} caratteri / ADMIN_TOKEN must be at least ${MIN_ADMIN_TOKEN_LENGTH} characters long`,
    );
  }
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    ...readDatabaseSettings(env),
    basemapUrl: env.BASEMAP_URL || undefined,
    adminToken,
  };
}
