/** A post as clients see it. */
export interface Post {
  id: number;
  authorId: number;
  title: string;
  body: string;
  updatedAt: Date;
}
