import * as __actionwire_server from "actionwire/internal/server";
export const standalone = __actionwire_server.bindAction(__actionwire$standalone, "posts/page/standalone", {});
import { save } from '../store.js';
export default async function PostPage(params, version) {
    const updatePost = __actionwire_server.bindAction(__actionwire$PostPage$updatePost, "posts/page/PostPage.updatePost", { get params() { return params; }, get version() { return version; } });
    const post = { id: params.id, title: 'first', at: new Date(0) };
    return { post, updatePost, tools };
}
const tools = {
    rename: __actionwire_server.bindAction(__actionwire$rename, "posts/page/rename", {}),
};
export async function makeCounter(start) {
    const countdown = __actionwire_server.bindAction(__actionwire$makeCounter$countdown, "posts/page/makeCounter.countdown", { get start() { return start; } });
    const label = { text: 'count', tags: new Map([['a', 1]]) };
    const step = __actionwire_server.bindAction(__actionwire$makeCounter$step, "posts/page/makeCounter.step", { get label() { return label; }, get start() { return start; } });
    const second = __actionwire_server.bindAction(__actionwire$makeCounter$second, "posts/page/makeCounter.second", { get start() { return start; } });
    const third = __actionwire_server.bindAction(__actionwire$makeCounter$third, "posts/page/makeCounter.third", { get start() { return start; } });
    const pair = [
        __actionwire_server.bindAction(__actionwire$makeCounter$action, "posts/page/makeCounter.action", {}),
        __actionwire_server.bindAction(__actionwire$makeCounter$action$2, "posts/page/makeCounter.action.2", {}),
    ];
    return { step, second, third, pair, countdown };
}
export const perItem = [];
for (const n of [1, 2]) {
    const scaled = __actionwire_server.bindAction(__actionwire$scaled, "posts/page/scaled", { get n() { return n; } });
    perItem.push(scaled);
}
export async function __actionwire$PostPage$updatePost({ params, version }, formData) {
    await save(params.id, String(formData.get('title')), version);
}
export async function __actionwire$rename(__actionwire_bound, title) {
    return title.toUpperCase();
}
export async function __actionwire$makeCounter$step$inner({ label }) {
    return label.text;
}
export async function __actionwire$makeCounter$step({ label, start }, by) {
    const inner = __actionwire_server.bindAction(__actionwire$makeCounter$step$inner, "posts/page/makeCounter.step.inner", { get label() { return label; } });
    return `${await inner()} ${start + by}`;
}
export async function __actionwire$makeCounter$second({ start }) {
    return start;
}
export async function __actionwire$makeCounter$third({ start }, by = start) {
    return by + 1;
}
export async function __actionwire$makeCounter$action(__actionwire_bound) {
    return 1;
}
export async function __actionwire$makeCounter$action$2(__actionwire_bound) {
    return 2;
}
export async function __actionwire$makeCounter$countdown({ start }, n) {
    const countdown = __actionwire_server.bindAction(__actionwire$makeCounter$countdown, "posts/page/makeCounter.countdown", { get start() { return start; } });
    return n <= 0 ? start : countdown(n - 1);
}
export async function __actionwire$standalone(__actionwire_bound) {
    return 1;
}
export async function __actionwire$scaled({ n }) {
    return n * 10;
}
