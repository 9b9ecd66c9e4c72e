import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/*
 * nginx in front of app instances, as docs/operations.md describes the deployment: the two-instance
 * test (start-cluster.ts) and the national benchmark (bench/national-bench.ts) run it.
 */

function nginxBinary(): string {
  for (const candidate of ["/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx"]) {
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error("nginx is not installed (scripts/install-test-deps.sh installs Debian's nginx-light)");
}

/** The deployment docs/operations.md describes, with every instance as one upstream. */
function nginxConfig(dir: string, listen: number, instances: readonly number[]): string {
  return `worker_processes 1;
error_log ${dir}/nginx-error.log warn;
pid ${dir}/nginx.pid;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  client_max_body_size 200m;
  upstream fingertip {
${instances.map((port) => `    server 127.0.0.1:${port} max_fails=1 fail_timeout=30s;`).join("\n")}
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${listen};
    location / {
      proxy_pass http://fingertip;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_buffering off;
      proxy_read_timeout 300s;
    }
  }
}
`;
}

/** Starts nginx on `listen` in front of the instances' ports, its files in `dir`. */
export function startNginx(dir: string, listen: number, instances: readonly number[]): ChildProcess {
  fs.writeFileSync(path.join(dir, "nginx.conf"), nginxConfig(dir, listen, instances));
  return spawn(nginxBinary(), ["-c", path.join(dir, "nginx.conf"), "-p", dir, "-g", "daemon off;"], {
    stdio: ["ignore", "inherit", "inherit"],
  });
}

/** Starts an app instance of the production build (`npm start`'s server) on `port`. */
export function startInstance(env: NodeJS.ProcessEnv, port: number, output: "inherit" | "ignore"): ChildProcess {
  return spawn(
    process.execPath,
    ["--import", "tsx", "--conditions=react-server", "--max-semi-space-size=64", "server/serve.ts"],
    { env: { ...env, PORT: String(port) }, stdio: ["ignore", output, output] },
  );
}

/** Waits until `url` answers 2xx. */
export async function waitFor(url: string, seconds: number): Promise<void> {
  for (let i = 0; i < seconds * 4; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}
