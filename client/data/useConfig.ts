import { useEffect, useState } from 'react';
import { api } from '../api/client';

export interface AppConfig {
  basemapUrl: string | null;
  attribution: string;
}

/** The server's settings the page shows (optional basemap, data attribution), asked for once. */
export function useConfig(): AppConfig | null {
  const [config, setConfig] = useState<AppConfig | null>(null);
  useEffect(() => {
    api.config().then(setConfig).catch(() => undefined);
  }, []);
  return config;
}
