/**
 * The post page of Next.js's 'use server' documentation, as actionwire runs it: an async server component that
 * loads the post and hands an inline server action to a client component. `updatePost` is hoisted by the
 * transformer to a route of its own (app/posts/[id]/page/PostPage.updatePost); the post id it captures travels
 * sealed in its reference, so a client can call it back but can neither read nor change which post it edits.
 */
import type { ReactElement } from 'react';
import { ActionError, fieldsOf, type FormFields } from 'actionwire/server';
import { requireUser } from '../../../lib/auth.js';
import { posts } from '../../../lib/db.js';
import type { Post } from '../post.js';
import { EditPost, type EditPostProps } from './edit-post.js';

/** The edit form's fields: the router checks them before updatePost runs (a missing one is a 400). */
interface PostFields {
  title: string;
  body: string;
}

/** A form field as trimmed text; a 422 when `required` and empty. */
function trimmed(value: string, name: string, required: boolean): string {
  if (required && value.trim() === '') throw new ActionError(422, `The form needs a ${name}`, { code: 'missing-field' });
  return value.trim();
}

export default async function PostPage({ params }: { params: Promise<{ id: string }> }): Promise<ReactElement<EditPostProps>> {
  const { id } = await params;
  const postId = Number(id);
  const post = Number.isSafeInteger(postId) ? await posts.findById(postId) : undefined;
  if (!post) throw new ActionError(404, `There is no post ${id}`, { code: 'no-such-post' });

  // captures postId (a number, sealed into every reference); posts, requireUser and trimmed are module-level: not captured
  async function updatePost(formData: FormFields<PostFields>): Promise<Post> {
    'use server';
    // a reference is a capability: whoever holds it can call it, so check who is calling
    const user = await requireUser();
    const current = await posts.findById(postId);
    if (!current) throw new ActionError(404, `There is no post ${postId}`, { code: 'no-such-post' });
    if (current.authorId !== user.id && user.role !== 'admin') {
      throw new ActionError(403, 'Only the author or an admin may edit this post', { code: 'forbidden' });
    }
    const { title, body } = fieldsOf(formData);
    const updated = await posts.update(postId, { title: trimmed(title, 'title', true), body: trimmed(body, 'body', false) });
    if (!updated) throw new ActionError(404, `There is no post ${postId}`, { code: 'no-such-post' });
    return updated;
  }

  return <EditPost post={post} updatePostAction={updatePost} />;
}
