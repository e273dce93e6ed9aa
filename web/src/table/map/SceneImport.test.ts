import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeTableClient, settle, welcomeFrame } from '../test-client';
import { MapModel, type MapClient } from './map-model.svelte';
import SceneImport from './SceneImport.svelte';
import { BearerFetch } from './bearer-fetch';
import { changed, mapJson, sceneJson, tokenJson } from './test-map';

let app: Record<string, unknown> | null = null;
afterEach(() => {
  if (app) unmount(app);
  app = null;
  document.body.innerHTML = '';
});

/** A fetch answering the campaign's sessions and each session's map, recording the URLs asked. */
function fakeServer() {
  const asked: string[] = [];
  const answers: Record<string, unknown> = {
    '/api/campaigns/c1/sessions': { sessions: [{ id: 'here', name: 'Tonight' }, { id: 'prep', name: 'Prep' }] },
    '/api/sessions/prep/map': { map: mapJson([sceneJson('s1'), sceneJson('dungeon')]), seq: 4 },
  };
  const fetchFn = (async (input: RequestInfo | URL) => {
    asked.push(String(input));
    const body = answers[String(input)];
    return new Response(JSON.stringify(body ?? { code: 'E006', message: 'no' }), { status: body ? 200 : 404 });
  }) as typeof fetch;
  return { asked, http: new BearerFetch({ accessToken: async () => 't', signedOut: () => undefined }, fetchFn) };
}

describe('SceneImport', () => {
  it("lists the campaign's other sessions and their scenes not here yet, and asks the server to bring one", async () => {
    const client = new FakeTableClient();
    const model = new MapModel(client as unknown as MapClient, { userId: 'u1', displayName: 'Ada' });
    model.start();
    client.emit(welcomeFrame('gm', { view: { seated: [], map: mapJson([sceneJson('s1')]) } }));
    const { asked, http } = fakeServer();
    const target = document.createElement('div');
    document.body.append(target);
    app = mount(SceneImport, { target, props: { model, http, campaignId: 'c1', sessionId: 'here' } });
    (target.querySelector('button') as HTMLButtonElement).click();
    for (let i = 0; i < 10; i++) await settle(); // two fetches, each a few awaits deep
    flushSync();
    const options = (label: string) =>
      [...[...target.querySelectorAll('label')].find((l) => l.textContent?.includes(label))!.querySelectorAll('option')].map(
        (o) => o.textContent,
      );
    expect(options('From session')).toEqual(['Prep']);
    expect(options('Scene to bring')).toEqual(['Scene dungeon']); // s1 is here already
    expect(asked).toContain('/api/sessions/prep/map');
    (target.querySelector('form') as HTMLFormElement).requestSubmit();
    await settle();
    const sent = client.sent.filter((m) => m.type === 'map.import_scene');
    expect(sent.map((m) => m.payload)).toEqual([{ fromSessionId: 'prep', sceneId: 'dungeon' }]);

    client.emit(changed(100, 'u1', { type: 'scene_imported', scene: sceneJson('dungeon', { tokens: [tokenJson('golem')] }) }));
    expect(model.view.scenes.map((s) => s.settings.id)).toEqual(['s1', 'dungeon']);
    expect(model.view.scenes[1]!.tokens.map((t) => t.id)).toEqual(['golem']);
  });
});
