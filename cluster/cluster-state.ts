import path from "node:path";

/** What the launcher tells the test: where everything listens and which processes to stop. */
export type ClusterState = {
  ports: { lb: number; a: number; b: number };
  pids: Record<string, number>;
  databaseUrl: string;
  countyCode: string;
  departmentCode: string;
  villageCode: string;
};

export const STATE_FILE = path.resolve("test-results/cluster-state.json");
export const CLUSTER_PASSWORD = "cluster-test-password";
export const CLUSTER_WRITERS = 8;

/** nginx on CLUSTER_PORT (3200 unless set), the two instances on the next two ports. */
export function clusterPorts() {
  const lb = Number(process.env.CLUSTER_PORT ?? 3200);
  return { lb, a: lb + 1, b: lb + 2 };
}
