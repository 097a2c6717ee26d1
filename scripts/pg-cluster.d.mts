export interface Cluster {
  url: string;
  pgBin: string;
  dataDir: string;
  start(): void;
  crash(): void;
  stop(): void;
}
export function findPgBin(): string | null;
export function freePort(): Promise<number>;
export function startCluster(): Promise<Cluster | null>;
