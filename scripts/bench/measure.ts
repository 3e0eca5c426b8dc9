/**
 * Load over loopback and the figures the benchmark reports: latency percentiles from every response
 * (autocannon's own summary has no p95) and requests per second.
 */
import autocannon from 'autocannon';

export type Figures = {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** Responses with another status than the scenario expects, and which statuses they were. */
  errors: number;
  errorStatuses?: Record<string, number>;
  bytesPerResponse: number;
};

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function figures(latencies: number[], seconds: number, errors: number, bytes: number): Figures {
  const sorted = latencies.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    requests: sorted.length,
    rps: Math.round(sorted.length / seconds),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    errors,
    bytesPerResponse: sorted.length ? Math.round(bytes / sorted.length) : 0,
  };
}

export type HttpLoad = {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** Called for each request on a connection; `connection` is the same object for that connection. */
  next?: (connection: { index?: number }) => {
    path: string;
    body?: string;
    headers?: Record<string, string>;
  };
  /** Sees each answer to a request made by `next` (e.g. to learn the status an order now has). */
  onResponse?: (connection: { index?: number }, status: number, body: string) => void;
  expectStatus: number;
  connections: number;
  seconds: number;
};

/** Runs autocannon for `seconds` (after a short warm-up that is not counted). */
export async function httpLoad(load: HttpLoad, warmupSeconds = 2): Promise<Figures> {
  await run(load, warmupSeconds);
  return run(load, load.seconds);
}

async function run(load: HttpLoad, seconds: number): Promise<Figures> {
  const latencies: number[] = [];
  let errors = 0;
  const errorStatuses: Record<string, number> = {};
  let bytes = 0;
  let connections = 0;
  let finished!: (error: unknown) => void;
  const done = new Promise<void>((resolve, reject) => {
    finished = (error) => (error ? reject(error) : resolve());
  });
  const instance = autocannon(
    {
      url: load.url,
      connections: load.connections,
      duration: seconds,
      headers: load.headers,
      requests: [
        {
          method: load.method ?? 'GET',
          setupRequest: (request, context) => {
            if (!load.next) return request;
            const connection = context as { index?: number };
            // Connections are numbered 0 … n-1 within this run (the warm-up is a run of its own).
            if (connection.index === undefined) connection.index = connections++ % load.connections;
            const { path, body, headers } = load.next(connection);
            return {
              ...request,
              path,
              ...(body === undefined ? {} : { body }),
              headers: { ...request.headers, ...headers },
            };
          },
          ...(load.onResponse
            ? {
                onResponse: (status: number, body: string, context: object) =>
                  load.onResponse!(context as { index?: number }, status, body),
              }
            : {}),
        },
      ],
    },
    (error) => finished(error),
  );
  instance.on('response', (_client, statusCode, resBytes, responseTime) => {
    latencies.push(responseTime);
    bytes += resBytes;
    if (statusCode !== load.expectStatus) {
      errors++;
      errorStatuses[statusCode] = (errorStatuses[statusCode] ?? 0) + 1;
    }
  });
  await done;
  return { ...figures(latencies, seconds, errors, bytes), ...(errors ? { errorStatuses } : {}) };
}

/**
 * The database floor: the same statements a request runs, straight through the driver, by as many
 * concurrent callers as the HTTP load has connections.
 */
export async function floorLoad(args: {
  connections: number;
  seconds: number;
  once: (caller: number) => Promise<void>;
  warmupSeconds?: number;
}): Promise<Figures> {
  const go = async (seconds: number) => {
    const latencies: number[] = [];
    const until = performance.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: args.connections }, async (_, caller) => {
        while (performance.now() < until) {
          const start = performance.now();
          await args.once(caller);
          latencies.push(performance.now() - start);
        }
      }),
    );
    return figures(latencies, seconds, 0, 0);
  };
  await go(args.warmupSeconds ?? 2);
  return go(args.seconds);
}
