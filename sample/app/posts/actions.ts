'use server';

import PostPage, { type PostView } from './[id]/page.js';

export type { Post, PostView } from './[id]/page.js';

/**
 * Opens a post as its page would render it. The client gets `updatePost` as a function: on the wire it
 * is `{"$action": "app/posts/[id]/page/PostPage.updatePost", "bound": "v1.…"}`, the post id sealed inside.
 */
export async function openPost(id: string): Promise<PostView> {
  return PostPage({ params: { id } });
}
