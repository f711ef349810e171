// Gorgias's composer: Draft.js on React 18 (Draft does not run on React 19), Send rendered by React.
import { ContentState, Editor, EditorState } from 'draft-js';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { deskConfig, expose, slotFor } from './desk.js';

const { editor: el, send } = deskConfig();
// The saved page holds Draft's rendered markup: mount in the root's place, Send included.
const root = el.closest('.DraftEditor-root') ?? el;
const label = el.getAttribute('aria-label') ?? 'Reply';
if (send) send.remove();
const mount = slotFor(root);

function Composer() {
  const [state, setState] = useState(() => EditorState.createWithContent(ContentState.createFromText('')));
  const content = state.getCurrentContent();
  expose('Draft.js', { modelText: () => window.__draftState.getCurrentContent().getPlainText('\n') });
  window.__draftState = state;
  return (
    <>
      <Editor editorState={state} onChange={setState} ariaLabel={label} placeholder="Click here to reply" />
      <button type="button" disabled={!content.hasText()}>Send</button>
    </>
  );
}

createRoot(mount).render(<Composer />);
