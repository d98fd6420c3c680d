import { describe, expect, it } from 'vitest';
import { classifyPost } from '../../src/plan/classify.js';
import type { Block } from '../../src/model/document.js';
import { para, post } from '../helpers/documents.js';

const heading = (t: string, level = 2): Block => ({ type: 'heading', level, spans: [{ text: t }] });
const image = { type: 'image' as const, src: 'a.png', alt: 'chart' };

describe('classifyPost', () => {
  it('calls a post with ordinary text content, with or without images', () => {
    expect(classifyPost(post('1', [para('Some words.')]))).toBe('content');
    expect(classifyPost(post('1', [para('Some words.')], [image]))).toBe('content');
    expect(classifyPost(post('1', [heading('Title'), para('Body')]))).toBe('content');
  });

  it('calls a post of nothing but headings a heading, however many there are', () => {
    expect(classifyPost(post('1', [heading('Part one')]))).toBe('heading');
    expect(classifyPost(post('1', [heading('Part one', 1), heading('The setup', 3)]))).toBe('heading');
  });

  it('ignores blank blocks: a heading beside a whitespace paragraph is still a heading', () => {
    expect(classifyPost(post('1', [heading('Part two'), para('  \n ')]))).toBe('heading');
  });

  it('does not call a heading with an image a heading: the image needs a slide', () => {
    expect(classifyPost(post('1', [heading('Look')], [image]))).toBe('content');
  });

  it('calls a post with images and no text an image post', () => {
    expect(classifyPost(post('1', [], [image]))).toBe('image');
    expect(classifyPost(post('1', [para('   ')], [image, image]))).toBe('image');
  });

  it('calls a post with neither text nor images empty', () => {
    expect(classifyPost(post('1', []))).toBe('empty');
    expect(classifyPost(post('1', [para(''), { type: 'quote', spans: [{ text: ' ' }, { text: '\t' }] }]))).toBe('empty');
  });
});
