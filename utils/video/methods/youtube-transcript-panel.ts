// YouTube, second method: the transcript panel's own text, when the user has it open. It reads
// what the page shows and clicks nothing (the page reader only reads).
import { parseChapters } from '../chapters';
import { oneLine, tidyCues, type Cue } from '../cues';
import { inlineObject } from '../page-data';
import { parseTime } from '../timestamps';
import { youtubeTracks, type CaptionTrack } from '../tracks';
import { failed, type VideoMethod, type VideoReading } from '../video-method';

export const youtubeTranscriptPanel: VideoMethod = {
  id: 'youtube-transcript-panel',
  site: 'youtube',
  async read(ctx): Promise<VideoReading> {
    if (ctx.video.site !== 'youtube') return failed('not-here');
    const id = ctx.video.id;
    // The panel belongs to the video the watch element shows; after navigation it may lag behind.
    const watch = ctx.doc.querySelector('ytd-watch-flexy');
    const shown = watch?.getAttribute('video-id');
    if (shown && shown !== id) return failed('wrong-video', shown.slice(0, 20));
    const segments = Array.from(ctx.doc.querySelectorAll('ytd-transcript-segment-renderer'));
    if (segments.length === 0) return failed('not-here');
    const starts: { start: number; text: string }[] = [];
    for (const seg of segments) {
      const start = parseTime(seg.querySelector('.segment-timestamp')?.textContent ?? '');
      const text = oneLine(seg.querySelector('.segment-text')?.textContent ?? '');
      if (start !== null && text) starts.push({ start, text });
    }
    if (starts.length === 0) return failed('changed-format', 'transcript panel without times');
    // The panel shows start times only: each line lasts until the next one starts.
    const cues: Cue[] = starts.map((s, i) => ({ start: s.start, end: starts[i + 1]?.start ?? s.start + 5, text: s.text }));
    const facts = youtubeTracks(inlineObject(ctx.doc, 'ytInitialPlayerResponse = '), id);
    const title = ctx.doc.querySelector('h1.ytd-watch-metadata, h1 yt-formatted-string')?.textContent ?? ctx.doc.title;
    const video = facts.ok ? facts.video : { id, title: oneLine(title).slice(0, 300), author: '', durationSeconds: 0, description: '' };
    const lang = ctx.doc.documentElement.lang || '';
    const track: CaptionTrack = { language: lang, label: '', kind: 'uploaded', url: '' };
    const chapters = parseChapters(video.description, video.durationSeconds || undefined);
    return { ok: true, transcript: { method: 'youtube-transcript-panel', video, track, tracks: [track], cues: tidyCues(cues), chapters } };
  },
};
