import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isXStatusUrl, kindFromContent, kindFromName, textShape } from '../../src/sources/detect.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

describe('kindFromName', () => {
  it('knows X post URLs from other web pages', () => {
    expect(kindFromName('https://x.com/TheTuringPost/status/1891234567890')).toBe('x-api');
    expect(kindFromName('https://mobile.twitter.com/jack/statuses/20?s=20')).toBe('x-api');
    expect(kindFromName('https://x.com/i/web/status/20')).toBe('x-api');
    expect(kindFromName('https://x.com/jack')).toBe('url');
    expect(kindFromName('http://example.com/a.md')).toBe('url');
    expect(isXStatusUrl('https://x.com.evil.com/a/status/1')).toBe(false);
  });

  it('reads file extensions', () => {
    expect(kindFromName('thread.json')).toBe('thread-file');
    expect(kindFromName('notes/Post.MD')).toBe('markdown');
    expect(kindFromName('page.htm')).toBe('html');
    expect(kindFromName('C:\\exports\\twitter-2025.zip')).toBe('x-archive');
    expect(kindFromName('data/tweets.js')).toBe('x-archive');
    expect(kindFromName('thread.txt')).toBe('text');
    expect(kindFromName('README')).toBeUndefined();
  });
});

describe('kindFromContent and textShape', () => {
  it('sniffs JSON, HTML and Markdown', () => {
    expect(kindFromContent('  {"posts": []}')).toBe('thread-file');
    expect(kindFromContent('<!DOCTYPE html><html>')).toBe('html');
    expect(kindFromContent('---\ntitle: x\n---\nbody')).toBe('markdown');
    expect(kindFromContent('See [the docs](https://a.com) for more.')).toBe('markdown');
  });

  it('calls the fixtures articles and numbered or short posts threads', () => {
    expect(textShape(fixture('kd-article.txt'))).toBe('article');
    expect(textShape(fixture('distillation-blog.txt'))).toBe('article');
    expect(textShape('1/ one\n2/ two')).toBe('pasted');
    expect(textShape('A long thought. 🧵')).toBe('pasted');
    expect(textShape('First post\n\nSecond post\n\nThird post')).toBe('pasted');
    expect(kindFromContent('## Not markdown just a post\n\n1/ one\n\n2/ two')).toBe('pasted');
  });
});
