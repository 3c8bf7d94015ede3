import { EditPost } from '../app/posts/[id]/edit-post.js';
import { Home } from './home.js';

/** The client components a page's server rendering starts from, by the name the page script hydrates them by. */
export const clientRoots = { Home, EditPost };

export type ClientRootName = keyof typeof clientRoots;
