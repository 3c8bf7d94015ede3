'use client';

import { useActionState } from 'react';
import { withFormFallback } from 'actionwire/client';
import { describeError } from '../../../components/describe-error.js';
import { useHydrated } from '../../../components/use-hydrated.js';
import type { Post } from '../post.js';

export interface EditPostProps {
  post: Post;
  /** the page's inline server action: on the server the function itself, in the browser revived from its reference */
  updatePostAction: (formData: FormData) => Promise<Post>;
  /** what a post without JavaScript left to say (its error), and the fields it typed */
  error?: string;
  fields?: { title: string; body: string };
}

interface EditState {
  post: Post;
  saved: boolean;
  error: string | undefined;
  fields: { title: string; body: string };
}

/**
 * The client component of Next.js's page: `<form action={updatePostAction}>` with `useActionState` for the pending
 * and error state. Rendered on the server, the form posts to the inline action (URL, the sealed `$bound` field),
 * so it works without JavaScript; hydrated, the same form calls the action through the generated client.
 */
export function EditPost({ post, updatePostAction, error, fields }: EditPostProps) {
  const [state, formAction, pending] = useActionState(
    withFormFallback(updatePostAction, async (previous: EditState, formData: FormData): Promise<EditState> => {
      const typed = { title: String(formData.get('title') ?? ''), body: String(formData.get('body') ?? '') };
      try {
        const saved = await updatePostAction(formData);
        return { post: saved, saved: true, error: undefined, fields: { title: saved.title, body: saved.body } };
      } catch (failure) {
        return { ...previous, saved: false, error: describeError(failure), fields: typed };
      }
    }),
    { post, saved: false, error, fields: fields ?? { title: post.title, body: post.body } },
  );
  useHydrated();
  return (
    <article>
      <h2 id="post-title">{state.post.title}</h2>
      <p id="post-body">{state.post.body}</p>
      <p className="hint">Last edited <time id="post-updated" dateTime={state.post.updatedAt.toISOString()}>{state.post.updatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC</time></p>
      <p id="error" data-testid="error" role="alert" hidden={state.error === undefined}>{state.error ?? ''}</p>
      <p id="notice" data-testid="notice" role="status" hidden={!state.saved}>{state.saved ? 'Saved' : ''}</p>
      <form id="edit-post-form" action={formAction} aria-busy={pending}>
        <label>Title <input id="edit-title" name="title" defaultValue={state.fields.title} key={`t${state.fields.title}`} required /></label>
        <label>Body <textarea id="edit-body" name="body" defaultValue={state.fields.body} key={`b${state.fields.body}`} /></label>
        <p><button id="edit-submit" disabled={pending}>{pending ? 'Saving…' : 'Save'}</button></p>
      </form>
    </article>
  );
}
