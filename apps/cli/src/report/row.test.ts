import { describe, expect, it } from 'vitest';
import { errorLine, resultLine } from '../testing/report-records.js';
import { ReportCollector } from './collect.js';
import { renderHead, renderTail } from './page.js';
import { parseRecord } from './record.js';
import { renderRow } from './row.js';

const video = (line: unknown) => {
  const p = parseRecord(line, 1);
  if (!('video' in p)) throw new Error(p.unrecognised);
  return p.video;
};

describe('renderRow', () => {
  it('carries the path verbatim in data-path, escaped, and the sort keys', () => {
    const path = `clips/"quoted" <b>&'.mp4`;
    const html = renderRow(
      video(
        resultLine({
          path,
          explicitness: 'explicit',
          duration: 8,
          frames: [
            { t: 2, scene: 0 },
            { t: 6, scene: 1, explicitness: 'explicit', nsfw: 0.91 },
          ],
          segments: [{ start: 4, end: 8 }],
        }),
      ),
      null,
    );
    expect(html).toContain('data-path="clips/&quot;quoted&quot; &lt;b&gt;&amp;&#39;.mp4"');
    expect(html).not.toContain('<b>&');
    expect(html).toContain(
      'data-status="explicit" data-nsfw="0.910" data-quality="0.600" data-duration="8.00"',
    );
    expect(html).toContain(
      '<b class="band" style="left:50%;width:50%" data-start="4" data-end="8"',
    );
    expect(html.match(/class="tick /g)).toHaveLength(2);
    // One tab stop per strip; each tick's numbers: t, scene, nsfw, suggestive, quality.
    expect(html.match(/tabindex="0"/g)).toHaveLength(1);
    expect(html).toContain(
      'class="tick explicit" style="left:75%;--h:93%" data-f="6 1 0.91 0.20 0.60"',
    );
  });

  it('shows a failed video with its error_code as text and no timeline', () => {
    const html = renderRow(
      video(errorLine({ path: 'bad.mp4', code: 'truncated', message: 'box <mdat> ends early' })),
      null,
    );
    expect(html).toContain('data-status="failed"');
    expect(html).toContain('data-error-code="truncated"');
    expect(html).toContain('<code class="error-code">truncated</code>');
    expect(html).toContain('box &lt;mdat&gt; ends early');
    expect(html).not.toContain('class="track"');
  });
});

describe('the page around the rows', () => {
  it('shows the counts, scorer, rubric, calls and the warnings of the summary', () => {
    const c = new ReportCollector();
    c.add(video(resultLine({ path: 'a.mp4', explicitness: 'explicit', scorer: 'local:nsfwjs' })));
    c.add(video(resultLine({ path: 'b.mp4', scorer: 'model-boss:siglip2' })));
    c.add(video(errorLine({ path: 'c.mp4', code: 'no_video_stream' })));
    const s = c.summary();
    const html = renderHead(s, {
      source: 'results <1>.jsonl',
      generatedAt: new Date(0),
      posters: { shown: 1, missing: 1 },
    });
    expect(html).toContain('<span class="count" data-count="explicit">1</span>');
    expect(html).toContain('<span class="count" data-count="failed">1</span>');
    expect(html).toContain('<span class="count" data-count="suggestive">0</span>');
    expect(html).toContain('<code>no_video_stream</code> 1');
    expect(html).toContain('<span id="scorer-calls">2</span>');
    expect(html).toContain('results &lt;1&gt;.jsonl');
    expect(html).toContain('embedded model: not model-boss calibration');
    expect(html).toMatch(/<div class="warn" role="alert"><p>These results mix 2 scorers/);
    expect(renderTail(s)).toContain('<script>');
    expect(renderTail(s)).not.toContain('No backfill records');
  });
});
