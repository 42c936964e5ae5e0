import type { Page } from '@playwright/test';
import { z } from 'zod';
import { wire } from '../../src/shared/api';
import { AgendaSchema, type Agenda } from '../../src/shared/model';

/** One message main sent the page: a pushed event (`agenda`, `state`…) or the answer to a call (`call agenda.get`). */
export interface WireMessage {
  kind: string;
  data: string;
}

type Listener = ((event: { data?: unknown }) => void) | { handleEvent(event: { data?: unknown }): void } | null;

/** What the init script touches in the page (e2e code is type-checked without DOM types). */
interface TappedPage {
  __roomdeckWire?: WireMessage[];
  EventSource: { prototype: { addEventListener(type: string, listener: Listener, options?: unknown): void } };
  fetch(input: unknown, init?: unknown): Promise<{ clone(): { text(): Promise<string> } }>;
}

/**
 * Records, from the page's first script on, everything main sends the renderer over the web host's transport (the
 * same contract as Electron's IPC): every server-sent event as the page's own listeners receive it, and the body of
 * every call's answer. What a test finds here is exactly what reached the renderer.
 */
export async function tapWire(page: Page): Promise<void> {
  await page.addInitScript((callPrefix: string) => {
    const scope = globalThis as unknown as TappedPage;
    const log: WireMessage[] = [];
    scope.__roomdeckWire = log;
    const proto = scope.EventSource.prototype;
    const addListener = proto.addEventListener;
    proto.addEventListener = function (this: unknown, type, listener, options) {
      const tapped = (event: { data?: unknown }): void => {
        log.push({ kind: type, data: String(event.data ?? '') });
        if (typeof listener === 'function') listener(event);
        else listener?.handleEvent(event);
      };
      addListener.call(this, type, tapped, options);
    };
    const nativeFetch = scope.fetch.bind(scope);
    scope.fetch = async (input, init) => {
      const response = await nativeFetch(input, init);
      const url = typeof input === 'string' ? input : String((input as { url?: string }).url ?? input);
      const at = url.indexOf(callPrefix);
      if (at >= 0) log.push({ kind: `call ${decodeURIComponent(url.slice(at + callPrefix.length))}`, data: await response.clone().text() });
      return response;
    };
  }, wire.httpCallPrefix);
}

export async function wireMessages(page: Page): Promise<WireMessage[]> {
  return page.evaluate(() => [...((globalThis as unknown as TappedPage).__roomdeckWire ?? [])]);
}

const AgendaAnswer = z.object({ ok: z.literal(true), output: AgendaSchema.nullable() });

/** The agenda the renderer holds: the last one pushed or fetched, whichever came last. */
export function latestAgenda(messages: readonly WireMessage[]): Agenda | null {
  for (const message of [...messages].reverse()) {
    if (message.kind === 'agenda') return AgendaSchema.parse(JSON.parse(message.data));
    if (message.kind === 'call agenda.get') {
      const answer = AgendaAnswer.safeParse(JSON.parse(message.data));
      if (answer.success && answer.data.output) return answer.data.output;
    }
  }
  return null;
}
