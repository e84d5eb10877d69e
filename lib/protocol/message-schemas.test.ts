import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { messages } from './messages';
import { sampleRequests } from '../../tests/support/sample-requests';

const names = Object.keys(messages) as (keyof typeof messages)[];
const samples = sampleRequests({
  party: 'p1',
  other: 'p2',
  organization: 'o1',
  service: 's1',
  engagement: 'e1',
  followUp: 'f1',
  tab: 7,
  job: 'j1',
  undoEntry: 'u1',
});

// Values no request or response of ours may be: each schema must refuse all of them.
const NOT_A_MESSAGE = [undefined, null, 'a string', 42, true, [], Symbol('x'), () => 1];

/**
 * Every message the background answers has a request schema and a response schema
 * that really check something (zod types that refuse what is not a message), and a
 * declared sender role; every one has a valid sample, which its schema accepts.
 */
describe('the protocol: a schema for every message', () => {
  it('counts the messages and finds both schemas and a sender role on each', () => {
    const complete = names.filter((name) => {
      const { request, response, sender } = messages[name];
      return (
        request instanceof z.ZodType &&
        response instanceof z.ZodType &&
        (sender === 'content' || sender === 'extension-page')
      );
    });
    console.info(`messages with request and response schemas: ${complete.length}/${names.length}`);
    expect(names.length).toBeGreaterThanOrEqual(40);
    expect(complete).toEqual(names);
  });

  it.each(names)('%s: request and response schemas refuse what is not a message', (name) => {
    const { request, response } = messages[name];
    for (const value of NOT_A_MESSAGE) {
      expect(request.safeParse(value).success).toBe(false);
      expect(response.safeParse(value).success).toBe(false);
    }
  });

  it.each(names)('%s: its sample request is valid', (name) => {
    const parsed = messages[name].request.safeParse(samples[name]);
    expect(parsed.error?.issues).toBeUndefined();
  });

  it('has a sample for exactly the messages there are', () => {
    expect(Object.keys(samples).sort()).toEqual([...names].sort());
  });

  it('lets content scripts send only what reports a page, never a write', () => {
    const fromContent = names.filter((name) => messages[name].sender === 'content');
    expect(fromContent).toEqual(['page/contactsFound']);
  });
});
