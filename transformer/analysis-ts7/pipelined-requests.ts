import { writeSync } from 'node:fs';
import type * as Sync from 'typescript-7/unstable/sync';

/** The members of the synchronous API's client and channel (typescript/unstable/sync, 7.0.2) the pipeline uses. */
interface SyncClient {
  apiRequest(method: string, params: unknown): unknown;
  apiRequestBinary(method: string, params: unknown): Uint8Array | undefined;
}
interface SyncChannel {
  writeFd: number;
  readTuple(): void;
  handleCall(name: string, payload: Buffer): void;
  _msgType: number;
  _msgName: Buffer;
  _msgPayload: Buffer;
}

/** A task asks the checker what it needs through the views; when it completes, it returns the tasks that follow from its answers. */
export type PrefetchTask = () => readonly PrefetchTask[];

type Answer = { value: unknown } | { error: string };

/** A request a task needs before it can go on: the task runs again once its answer is in. */
class Unanswered {
  constructor(
    readonly method: string,
    readonly payload: string,
    readonly binary: boolean,
  ) {}
  get key(): string {
    return `${this.method}\u0000${this.payload}`;
  }
}

/** A task and the answers it has had (the views keep some of them: a task that runs again does not ask all its questions again). */
interface Run {
  task: PrefetchTask;
  answers: Map<string, Answer>;
}

const MESSAGE_REQUEST = 1;
const MESSAGE_RESPONSE = 4;
const MESSAGE_ERROR = 5;
const MESSAGE_CALL = 6;
/** Requests written at once stay well inside a pipe's buffer (64 KiB on Linux): the compiler's answers cannot block our write. */
const BATCH_BYTES = 32 * 1024;

function messagePackBin(length: number): Buffer {
  if (length < 0x100) return Buffer.from([0xc4, length]);
  if (length < 0x10000) return Buffer.from([0xc5, length >>> 8, length & 0xff]);
  const header = Buffer.alloc(5);
  header[0] = 0xc6;
  header.writeUInt32BE(length, 1);
  return header;
}

/** One request as the channel frames it: a MessagePack array of its type, the method's name and the JSON payload. */
function frame(method: string, payload: string): Buffer {
  const name = Buffer.from(method, 'utf8');
  const body = Buffer.from(payload, 'utf8');
  return Buffer.concat([Buffer.from([0x93, MESSAGE_REQUEST]), messagePackBin(name.length), name, messagePackBin(body.length), body]);
}

/**
 * TypeScript 7's synchronous API makes one round trip per question (≈ 100 µs here, mostly the two processes
 * waking each other). Its channel answers requests in order, so many can be written at once and their answers read
 * after: ≈ 20 µs each. Tasks written against the synchronous views run here with every request they make
 * recorded instead of sent: a task stops at its first unanswered request, all such requests of all tasks go out
 * together, and the tasks run again, finding the answers, until each completes. The views keep what the tasks
 * learnt, so the analysis that runs after them finds its answers cached.
 *
 * Uses the channel's internals (typescript 7.0.2); when they are not there, tasks run with one request at a time.
 */
export class RequestPipeline {
  /** the run making requests now */
  private current: Run | undefined;

  private constructor(
    client: SyncClient,
    private readonly channel: SyncChannel | undefined,
  ) {
    if (!channel) return;
    const send = client.apiRequest.bind(client);
    const sendBinary = client.apiRequestBinary.bind(client);
    client.apiRequest = (method, params) => (this.current ? this.replay(method, params, false) : send(method, params));
    client.apiRequestBinary = (method, params) => (this.current ? (this.replay(method, params, true) as Uint8Array | undefined) : sendBinary(method, params));
  }

  static of(api: Sync.API): RequestPipeline {
    const client = (api as unknown as { client?: SyncClient & { channel?: Partial<SyncChannel> } }).client;
    if (!client || typeof client.apiRequest !== 'function' || typeof client.apiRequestBinary !== 'function') return new RequestPipeline({ apiRequest: () => undefined, apiRequestBinary: () => undefined }, undefined);
    const channel = client.channel;
    const usable = channel && typeof channel.writeFd === 'number' && typeof channel.readTuple === 'function' && typeof channel.handleCall === 'function';
    return new RequestPipeline(client, usable ? (channel as SyncChannel) : undefined);
  }

  /** Runs the tasks and those they return, each to completion (a task that fails is dropped: the analysis asks again and reports). */
  run(tasks: readonly PrefetchTask[]): void {
    let pending: Run[] = tasks.map((task) => ({ task, answers: new Map() }));
    while (pending.length > 0) {
      const waiting: Array<{ run: Run; request: Unanswered }> = [];
      const following: Run[] = [];
      for (const run of pending) {
        const outcome = this.attempt(run);
        if (outcome instanceof Unanswered) waiting.push({ run, request: outcome });
        else following.push(...outcome.map((task) => ({ task, answers: new Map<string, Answer>() })));
      }
      const answers = this.send(waiting.map(({ request }) => request));
      waiting.forEach(({ run, request }) => run.answers.set(request.key, answers.get(request.key) as Answer));
      pending = [...waiting.map(({ run }) => run), ...following];
    }
  }

  private attempt(run: Run): Unanswered | readonly PrefetchTask[] {
    if (!this.channel) {
      try {
        return run.task();
      } catch {
        return [];
      }
    }
    this.current = run;
    try {
      return run.task();
    } catch (error) {
      return error instanceof Unanswered ? error : [];
    } finally {
      this.current = undefined;
    }
  }

  private replay(method: string, params: unknown, binary: boolean): unknown {
    const request = new Unanswered(method, JSON.stringify(params), binary);
    const answer = (this.current as Run).answers.get(request.key);
    if (!answer) throw request;
    if ('error' in answer) throw new Error(answer.error);
    return answer.value;
  }

  /** Sends each distinct request once, many in one write, and reads their answers in order. */
  private send(requests: readonly Unanswered[]): Map<string, Answer> {
    const channel = this.channel as SyncChannel;
    const distinct = [...new Map(requests.map((request) => [request.key, request])).values()];
    const answers = new Map<string, Answer>();
    for (let start = 0; start < distinct.length; ) {
      const frames: Buffer[] = [];
      let bytes = 0;
      let end = start;
      while (end < distinct.length && (frames.length === 0 || bytes < BATCH_BYTES)) {
        const framed = frame(distinct[end].method, distinct[end].payload);
        frames.push(framed);
        bytes += framed.length;
        end++;
      }
      const batch = Buffer.concat(frames);
      for (let written = 0; written < batch.length; ) written += writeSync(channel.writeFd, batch, written);
      for (let index = start; index < end; index++) answers.set(distinct[index].key, this.readAnswer(channel, distinct[index].binary));
      start = end;
    }
    return answers;
  }

  private readAnswer(channel: SyncChannel, binary: boolean): Answer {
    for (;;) {
      channel.readTuple();
      const payload = channel._msgPayload;
      if (channel._msgType === MESSAGE_RESPONSE) return { value: binary ? (payload.length > 0 ? payload : undefined) : payload.length > 0 ? JSON.parse(payload.toString('utf8')) : undefined };
      if (channel._msgType === MESSAGE_ERROR) return { error: payload.toString('utf8') };
      if (channel._msgType === MESSAGE_CALL) channel.handleCall(channel._msgName.toString('utf8'), payload);
      else throw new Error(`TypeScript 7's API answered with a message of unknown type ${channel._msgType}`);
    }
  }
}
