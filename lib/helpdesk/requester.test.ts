// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { emailIn, readRequester, requesterKey } from './requester';

const html = (body: string) => {
  const doc = document.implementation.createHTMLDocument('t');
  doc.body.innerHTML = body;
  return doc;
};

describe('emailIn', () => {
  it('reads a mailto link (decoded, without its query), attributes, field values, then text', () => {
    expect(emailIn(html('<a href="mailto:jo%2Bsupport@acme.com?subject=Hi">Jo</a>').body)).toBe('jo+support@acme.com');
    expect(emailIn(html('<span title="Jo &lt;jo@acme.com&gt;">Jo</span>').querySelector('span')!)).toBe('jo@acme.com');
    const doc = html('<input value="">');
    doc.querySelector('input')!.value = 'ann@globex.io';
    expect(emailIn(doc.querySelector('input')!)).toBe('ann@globex.io');
    expect(emailIn(html('<div><b>Jo</b> <i>(jo@acme.com)</i></div>').body)).toBe('jo@acme.com');
    expect(emailIn(html('<div>no address here</div>').body)).toBeUndefined();
  });
});

describe('readRequester', () => {
  it('prefers the desk anchors, then labelled fields (dt/dd, th/td, label for, div.label)', () => {
    const doc = html(`
      <dl><dt>Requester</dt><dd>jo@acme.com</dd><dt>Organization</dt><dd>Acme Corp</dd></dl>
      <div id="desk" title="ann@globex.io"></div>`);
    expect(readRequester({ scopes: [doc], anchors: { email: ['#desk'] } })).toEqual({ email: 'ann@globex.io', organisation: 'Acme Corp' });
    expect(readRequester({ scopes: [doc] })).toEqual({ email: 'jo@acme.com', organisation: 'Acme Corp' });
    expect(readRequester({ scopes: [html('<table><tr><th>Email:</th><td>a@b-corp.com</td></tr></table>')] })).toEqual({ email: 'a@b-corp.com' });
    expect(readRequester({ scopes: [html('<div class="label">Requestors:</div><div class="value"><a href="/User?id=3">&lt;rt@acme.com&gt;</a></div>')] }))
      .toEqual({ email: 'rt@acme.com' });
    expect(readRequester({ scopes: [html('<label for="c">Company</label><input id="c" value="Initech">')] })).toEqual({ organisation: 'Initech' });
  });

  it("never reads the agent's composer, and reads the narrowest scope first", () => {
    const doc = html(`
      <form id="composer"><label>From</label><span>agent@our-support.com</span></form>
      <section id="pane"><div class="requester">pane@acme.com</div></section>
      <div class="requester">other@globex.io</div>`);
    const exclude = doc.getElementById('composer');
    expect(readRequester({ scopes: [doc.getElementById('pane')!, doc], exclude })).toEqual({ email: 'pane@acme.com' });
    doc.getElementById('pane')!.remove();
    expect(readRequester({ scopes: [doc], exclude })).toEqual({ email: 'other@globex.io' });
  });

  it("falls back to the first message's own header, never to an address quoted in a body", () => {
    const doc = html(`
      <div class="log">
        <div class="entry"><div class="meta">Ticket created by jo@acme.com</div><div class="body">Forwarded from ceo@globex.io</div></div>
        <div class="entry"><div class="meta">agent@our-support.com</div><div class="body">Thanks</div></div>
      </div>`);
    expect(readRequester({ scopes: [html('<p>nothing</p>')], messages: doc.querySelectorAll('.body') })).toEqual({ email: 'jo@acme.com' });
    const bare = html('<div class="log"><div class="body">Forwarded from ceo@globex.io</div><div class="body">x</div></div>');
    expect(readRequester({ scopes: [bare], messages: bare.querySelectorAll('.body') })).toBeUndefined();
  });

  it('keys the same requester the same way, whatever the case of the address', () => {
    expect(requesterKey({ email: 'Jo@Acme.com' })).toBe(requesterKey({ email: 'jo@acme.com' }));
    expect(requesterKey(undefined)).toBe('');
  });
});
