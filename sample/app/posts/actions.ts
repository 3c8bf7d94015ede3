'use server';

import PostPage from './[id]/page.js';
import type { Post } from './post.js';

export type { Post } from './post.js';

/** A post, and the action that edits it: what the post page hands its EditPost component. */
export interface PostView {
  post: Post;
  updatePost: (formData: FormData) => Promise<Post>;
}

/**
 * Opens a post as its page renders it (the props PostPage gives EditPost). The client gets `updatePost` as a
 * function: on the wire it is `{"$action": "app/posts/[id]/page/PostPage.updatePost", "bound": "v1.…"}`, the
 * post id sealed inside.
 */
export async function openPost(id: string): Promise<PostView> {
  const { props } = await PostPage({ params: Promise.resolve({ id }) });
  return { post: props.post, updatePost: props.updatePostAction };
}
