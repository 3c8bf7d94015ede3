"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.perItem = exports.standalone = void 0;
exports.default = PostPage;
exports.makeCounter = makeCounter;
exports.__actionwire$PostPage$updatePost = __actionwire$PostPage$updatePost;
exports.__actionwire$rename = __actionwire$rename;
exports.__actionwire$makeCounter$step$inner = __actionwire$makeCounter$step$inner;
exports.__actionwire$makeCounter$step = __actionwire$makeCounter$step;
exports.__actionwire$makeCounter$second = __actionwire$makeCounter$second;
exports.__actionwire$makeCounter$third = __actionwire$makeCounter$third;
exports.__actionwire$makeCounter$action = __actionwire$makeCounter$action;
exports.__actionwire$makeCounter$action$2 = __actionwire$makeCounter$action$2;
exports.__actionwire$makeCounter$countdown = __actionwire$makeCounter$countdown;
exports.__actionwire$standalone = __actionwire$standalone;
exports.__actionwire$scaled = __actionwire$scaled;
const __actionwire_server = __importStar(require("actionwire/internal/server"));
exports.standalone = __actionwire_server.bindAction(__actionwire$standalone, "posts/page/standalone", {});
const store_js_1 = require("../store.js");
async function PostPage(params, version) {
    const updatePost = __actionwire_server.bindAction(__actionwire$PostPage$updatePost, "posts/page/PostPage.updatePost", { get params() { return params; }, get version() { return version; } });
    const post = { id: params.id, title: 'first', at: new Date(0) };
    return { post, updatePost, tools };
}
const tools = {
    rename: __actionwire_server.bindAction(__actionwire$rename, "posts/page/rename", {}),
};
async function makeCounter(start) {
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
exports.perItem = [];
for (const n of [1, 2]) {
    const scaled = __actionwire_server.bindAction(__actionwire$scaled, "posts/page/scaled", { get n() { return n; } });
    exports.perItem.push(scaled);
}
async function __actionwire$PostPage$updatePost({ params, version }, formData) {
    await (0, store_js_1.save)(params.id, String(formData.get('title')), version);
}
async function __actionwire$rename(__actionwire_bound, title) {
    return title.toUpperCase();
}
async function __actionwire$makeCounter$step$inner({ label }) {
    return label.text;
}
async function __actionwire$makeCounter$step({ label, start }, by) {
    const inner = __actionwire_server.bindAction(__actionwire$makeCounter$step$inner, "posts/page/makeCounter.step.inner", { get label() { return label; } });
    return `${await inner()} ${start + by}`;
}
async function __actionwire$makeCounter$second({ start }) {
    return start;
}
async function __actionwire$makeCounter$third({ start }, by = start) {
    return by + 1;
}
async function __actionwire$makeCounter$action(__actionwire_bound) {
    return 1;
}
async function __actionwire$makeCounter$action$2(__actionwire_bound) {
    return 2;
}
async function __actionwire$makeCounter$countdown({ start }, n) {
    const countdown = __actionwire_server.bindAction(__actionwire$makeCounter$countdown, "posts/page/makeCounter.countdown", { get start() { return start; } });
    return n <= 0 ? start : countdown(n - 1);
}
async function __actionwire$standalone(__actionwire_bound) {
    return 1;
}
async function __actionwire$scaled({ n }) {
    return n * 10;
}
