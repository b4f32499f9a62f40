<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>Banmian</name>
    <message>
      <source>Mark page reviewed</source>
      <translation>标记本版已审校</translation>
    </message>
    <message>
      <source>Mark the page as reviewed (export says done); again to take it back</source>
      <translation>把本版标记为已审校（导出时状态为 done）；再按一次取消</translation>
    </message>
    <message>
      <source>Entities still to review</source>
      <translation>尚有实体待审</translation>
    </message>
    <message>
      <source>{n} entities are still waiting for review. Mark the page reviewed anyway?</source>
      <translation>还有 {n} 个实体等待审核。仍然标记本版已审校吗？</translation>
    </message>
    <message>
      <source>every entity in the table is reviewed</source>
      <translation>表中的实体都已审核</translation>
    </message>
    <message>
      <source>Confirm entity</source>
      <translation>确认实体</translation>
    </message>
    <message>
      <source>Reject entity</source>
      <translation>否决实体</translation>
    </message>
    <message>
      <source>Apply this decision to every occurrence</source>
      <translation>把这一决定用于本版每一处相同的文字</translation>
    </message>
    <message>
      <source>Next entity to review</source>
      <translation>下一个待审实体</translation>
    </message>
    <message>
      <source>Previous entity to review</source>
      <translation>上一个待审实体</translation>
    </message>
    <message>
      <source>Confirm all remaining entities in the article</source>
      <translation>确认本文其余全部实体</translation>
    </message>
    <message>
      <source>Entity end one character left</source>
      <translation>实体结尾左移一字</translation>
    </message>
    <message>
      <source>Entity end one character right</source>
      <translation>实体结尾右移一字</translation>
    </message>
    <message>
      <source>Entity start one character left</source>
      <translation>实体开头左移一字</translation>
    </message>
    <message>
      <source>Entity start one character right</source>
      <translation>实体开头右移一字</translation>
    </message>
    <message>
      <source>select an entity first (] goes to the next one to review)</source>
      <translation>请先选择一个实体（按 ] 转到下一个待审实体）</translation>
    </message>
    <message>
      <source>the selection holds no text</source>
      <translation>所选范围没有文字</translation>
    </message>
    <message>
      <source>Replace entities</source>
      <translation>替换实体</translation>
    </message>
    <message>
      <source>decide on this entity first (Enter, Delete or a label key)</source>
      <translation>请先对这个实体作出决定（Enter、Delete 或标签键）</translation>
    </message>
    <message>
      <source>no other occurrence shown in the table</source>
      <translation>表中没有显示其他相同的文字</translation>
    </message>
    <message>
      <source>no entity in the table is waiting for review</source>
      <translation>表中没有等待审核的实体</translation>
    </message>
    <message>
      <source>select an article first</source>
      <translation>请先选择一篇文章</translation>
    </message>
    <message>
      <source>no entity of this article shown in the table is waiting for review</source>
      <translation>本文在表中显示的实体没有等待审核的</translation>
    </message>
    <message>
      <source>Replace with {type}</source>
      <translation>替换为 {type}</translation>
    </message>
    <message>
      <source>the entity cannot get any shorter</source>
      <translation>实体不能再短了</translation>
    </message>
    <message>
      <source>the page ends there</source>
      <translation>版面文字到此为止</translation>
    </message>
    <message>
      <source>Mark/retype as {label}</source>
      <translation>标为/改为 {label}</translation>
    </message>
    <message>
      <source>The selection overlaps {names}. Replace with “{text}” as {type}?</source>
      <translation>所选范围与 {names} 重叠。替换为 {type}“{text}”吗？</translation>
    </message>
    <message>
      <source>Confirm {n} entities in the article</source>
      <translation>确认本文 {n} 个实体</translation>
    </message>
    <message>
      <source>Open page</source>
      <translation>打开版面</translation>
    </message>
    <message>
      <source>Pages (*.txt *.pdf);;All files (*)</source>
      <translation>版面 (*.txt *.pdf);;所有文件 (*)</translation>
    </message>
    <message>
      <source>Unsaved corrections found</source>
      <translation>发现未保存的校改</translation>
    </message>
    <message>
      <source>Unsaved corrections</source>
      <translation>校改未保存</translation>
    </message>
    <message>
      <source>Save the corrections to this page first?</source>
      <translation>先保存本版的校改吗？</translation>
    </message>
    <message>
      <source>no page is open</source>
      <translation>没有打开的版面</translation>
    </message>
    <message>
      <source>{name} is the last page in {folder}</source>
      <translation>{name} 是 {folder} 中的最后一版</translation>
    </message>
    <message>
      <source>{name} is the first page in {folder}</source>
      <translation>{name} 是 {folder} 中的第一版</translation>
    </message>
    <message>
      <source>Cannot open page</source>
      <translation>无法打开版面</translation>
    </message>
    <message>
      <source>{name} holds corrections made after the last save. Restore them?</source>
      <translation>{name} 保存着上次保存之后的校改。要恢复吗？</translation>
    </message>
    <message>
      <source>Cannot save</source>
      <translation>无法保存</translation>
    </message>
    <message>
      <source>Export {format}</source>
      <translation>导出 {format}</translation>
    </message>
    <message>
      <source>Cannot export</source>
      <translation>无法导出</translation>
    </message>
    <message>
      <source>Exported {name}</source>
      <translation>已导出 {name}</translation>
    </message>
    <message>
      <source>still opening {name}…</source>
      <translation>仍在打开 {name}…</translation>
    </message>
    <message>
      <source>the corrections were not saved: staying on {name}</source>
      <translation>校改未能保存：停留在 {name}</translation>
    </message>
    <message>
      <source>autosaved {time}</source>
      <translation>已自动保存 {time}</translation>
    </message>
    <message>
      <source>{path}: {error}</source>
      <translation>{path}：{error}</translation>
    </message>
    <message>
      <source>Saved {name}</source>
      <translation>已保存 {name}</translation>
    </message>
    <message>
      <source>autosave failed: {error}</source>
      <translation>自动保存失败：{error}</translation>
    </message>
    <message>
      <source>Go to line</source>
      <translation>转到行</translation>
    </message>
    <message>
      <source>Line:</source>
      <translation>行号：</translation>
    </message>
    <message>
      <source>&amp;Find…</source>
      <translation>查找(&amp;F)…</translation>
    </message>
    <message>
      <source>Find text on the page (raw and article text)</source>
      <translation>在版面中查找文字（原文和文章文本）</translation>
    </message>
    <message>
      <source>Find next</source>
      <translation>查找下一个</translation>
    </message>
    <message>
      <source>The next match of the find bar's text</source>
      <translation>查找栏文字的下一个匹配</translation>
    </message>
    <message>
      <source>Find previous</source>
      <translation>查找上一个</translation>
    </message>
    <message>
      <source>The previous match</source>
      <translation>上一个匹配</translation>
    </message>
    <message>
      <source>&amp;Go to line…</source>
      <translation>转到行(&amp;G)…</translation>
    </message>
    <message>
      <source>Put the cursor on a line of the raw page</source>
      <translation>把光标放到原文的某一行</translation>
    </message>
    <message>
      <source>Next pane</source>
      <translation>下一个窗格</translation>
    </message>
    <message>
      <source>Move the keyboard focus to the next pane</source>
      <translation>把键盘焦点移到下一个窗格</translation>
    </message>
    <message>
      <source>Previous pane</source>
      <translation>上一个窗格</translation>
    </message>
    <message>
      <source>Focus the previous pane</source>
      <translation>把键盘焦点移到上一个窗格</translation>
    </message>
    <message>
      <source>not found</source>
      <translation>未找到</translation>
    </message>
    <message>
      <source>“{query}” is not on this page</source>
      <translation>本版没有“{query}”</translation>
    </message>
    <message>
      <source>Split article here</source>
      <translation>从此处拆分文章</translation>
    </message>
    <message>
      <source>A new article starts at the cursor's line</source>
      <translation>从光标所在行开始一篇新文章</translation>
    </message>
    <message>
      <source>Merge with previous article</source>
      <translation>与上一篇文章合并</translation>
    </message>
    <message>
      <source>Merge with next article</source>
      <translation>与下一篇文章合并</translation>
    </message>
    <message>
      <source>Move selected lines to article…</source>
      <translation>把所选行移到文章…</translation>
    </message>
    <message>
      <source>New article from selected lines</source>
      <translation>用所选行新建文章</translation>
    </message>
    <message>
      <source>Take selected lines out of their article</source>
      <translation>把所选行移出所在文章</translation>
    </message>
    <message>
      <source>Toggle paragraph start</source>
      <translation>切换段落开头</translation>
    </message>
    <message>
      <source>put the cursor on a line of an article first</source>
      <translation>请先把光标放在某篇文章的一行上</translation>
    </message>
    <message>
      <source>select the lines to move first</source>
      <translation>请先选择要移动的行</translation>
    </message>
    <message>
      <source>Move lines</source>
      <translation>移动行</translation>
    </message>
    <message>
      <source>select the lines of the new article first</source>
      <translation>请先选择新文章的各行</translation>
    </message>
    <message>
      <source>there is no article before this one</source>
      <translation>这篇文章之前没有文章</translation>
    </message>
    <message>
      <source>there is no article after this one</source>
      <translation>这篇文章之后没有文章</translation>
    </message>
    <message>
      <source>(no title)</source>
      <translation>（无标题）</translation>
    </message>
    <message>
      <source>Move {n} line(s) to:</source>
      <translation>把 {n} 行移到：</translation>
    </message>
    <message>
      <source>line {n} is in no article</source>
      <translation>第{n}行不属于任何文章</translation>
    </message>
    <message>
      <source>Set role: {role}</source>
      <translation>设为{role}</translation>
    </message>
    <message>
      <source>Learn from my corrections (tagger)</source>
      <translation>从我的校改中学习（标注器）</translation>
    </message>
    <message>
      <source>After each save, a tagger trained on your saved pages corrects the suggestions of later pages</source>
      <translation>每次保存后，用您已保存的页面训练的标注器会修正后续页面的建议</translation>
    </message>
    <message>
      <source>Reset what was learned…</source>
      <translation>重置已学内容…</translation>
    </message>
    <message>
      <source>Forget the pages the tagger learned from and its model</source>
      <translation>忘记标注器学习过的页面及其模型</translation>
    </message>
    <message>
      <source>Reset what was learned</source>
      <translation>重置已学内容</translation>
    </message>
    <message>
      <source>Forget every page the tagger learned from, and its model? Your saved corrections are kept.</source>
      <translation>忘记标注器学习过的所有版面及其模型吗？您已保存的校改会保留。</translation>
    </message>
    <message>
      <source>The tagger forgot what it learned</source>
      <translation>标注器已忘记所学内容</translation>
    </message>
    <message>
      <source>The tagger learns from your saved corrections</source>
      <translation>标注器将从您保存的校改中学习</translation>
    </message>
    <message>
      <source>The tagger is switched off</source>
      <translation>标注器已关闭</translation>
    </message>
    <message>
      <source>Tagger</source>
      <translation>标注器</translation>
    </message>
    <message>
      <source>Cannot reset the tagger: {error}</source>
      <translation>无法重置标注器：{error}</translation>
    </message>
    <message>
      <source>Cannot switch the tagger: {error}</source>
      <translation>无法切换标注器：{error}</translation>
    </message>
    <message>
      <source>Banmian</source>
      <translation>版面</translation>
    </message>
    <message>
      <source>, </source>
      <translation>、</translation>
    </message>
    <message>
      <source>; </source>
      <translation>；</translation>
    </message>
    <message>
      <source>unexpected error with {name} (the details are in the log)</source>
      <translation>处理 {name} 时发生意外错误（详情见日志）</translation>
    </message>
    <message>
      <source>Mark all “{text}” as {type} in the issue</source>
      <translation>在本期中把全部“{text}”标为 {type}</translation>
    </message>
    <message>
      <source>Open issue (a folder of pages)</source>
      <translation>打开一期（版面文件夹）</translation>
    </message>
    <message>
      <source>Open issue PDF</source>
      <translation>打开一期的 PDF</translation>
    </message>
    <message>
      <source>PDF (*.pdf)</source>
      <translation>PDF (*.pdf)</translation>
    </message>
    <message>
      <source>Export the issue into</source>
      <translation>把本期导出到</translation>
    </message>
    <message>
      <source>Exporting the issue…</source>
      <translation>正在导出本期…</translation>
    </message>
    <message>
      <source>Export the issue</source>
      <translation>导出本期</translation>
    </message>
    <message>
      <source>Confirm all “{text}” in the issue</source>
      <translation>在本期中确认全部“{text}”</translation>
    </message>
    <message>
      <source>Reject all “{text}” in the issue</source>
      <translation>在本期中否决全部“{text}”</translation>
    </message>
    <message>
      <source>Retype all “{text}” to {type} in the issue</source>
      <translation>在本期中把全部“{text}”改为 {type}</translation>
    </message>
    <message>
      <source>Issue</source>
      <translation>本期</translation>
    </message>
    <message>
      <source>Find in issue</source>
      <translation>在本期中查找</translation>
    </message>
    <message>
      <source>{name}: {n} pages parsed</source>
      <translation>{name}：已解析 {n} 版</translation>
    </message>
    <message>
      <source>Unsaved corrections in the issue</source>
      <translation>本期有未保存的校改</translation>
    </message>
    <message>
      <source>the corrections were not saved: staying on this page</source>
      <translation>校改未能保存：停留在本版</translation>
    </message>
    <message>
      <source>{issue} — page {page}</source>
      <translation>{issue} — 第{page}版</translation>
    </message>
    <message>
      <source>every page of the issue is saved</source>
      <translation>本期各版均已保存</translation>
    </message>
    <message>
      <source>the issue is still being parsed: the decision reaches the pages parsed so far</source>
      <translation>本期仍在解析中：这一决定只用于已解析的各版</translation>
    </message>
    <message>
      <source>open an issue first (Issue ▸ Open issue folder…)</source>
      <translation>请先打开一期（本期 ▸ 打开一期文件夹…）</translation>
    </message>
    <message>
      <source>the issue is still being parsed; export when every page is ready</source>
      <translation>本期仍在解析中；请在各版都就绪后再导出</translation>
    </message>
    <message>
      <source>Exported {n} files to {folder}</source>
      <translation>已导出 {n} 个文件到 {folder}</translation>
    </message>
    <message>
      <source>Cannot open issue</source>
      <translation>无法打开这一期</translation>
    </message>
    <message>
      <source>{name}: {n} pages; parsing them in the background…</source>
      <translation>{name}：共 {n} 版；正在后台解析…</translation>
    </message>
    <message>
      <source>, {n} could not be opened</source>
      <translation>，{n} 版无法打开</translation>
    </message>
    <message>
      <source>restored the unsaved corrections of {n} pages (not saved yet)</source>
      <translation>已恢复 {n} 版未保存的校改（尚未保存）</translation>
    </message>
    <message>
      <source>this is the last page of the issue</source>
      <translation>这是本期的最后一版</translation>
    </message>
    <message>
      <source>this is the first page of the issue</source>
      <translation>这是本期的第一版</translation>
    </message>
    <message>
      <source>refused on the page on screen</source>
      <translation>当前版面拒绝了这一修改</translation>
    </message>
    <message>
      <source>; not on {n} pages that changed</source>
      <translation>；未用于已改动的 {n} 版</translation>
    </message>
    <message>
      <source>{decision}: {n} occurrences on pages {pages}{skipped} (Ctrl+Z on a page undoes it there)</source>
      <translation>{decision}：第{pages}版共 {n} 处{skipped}（在某一版按 Ctrl+Z 可撤销该版的部分）</translation>
    </message>
    <message>
      <source>, {n} continued stories</source>
      <translation>，{n} 篇跨版文章</translation>
    </message>
    <message>
      <source>{n} other pages hold corrections not saved yet (issue-wide decisions). Save them?</source>
      <translation>另有 {n} 版的校改尚未保存（全期决定）。要保存吗？</translation>
    </message>
    <message>
      <source>page {page} is still being parsed; it opens when ready</source>
      <translation>第{page}版仍在解析中；就绪后即打开</translation>
    </message>
    <message>
      <source>Exporting {what}…</source>
      <translation>正在导出 {what}…</translation>
    </message>
    <message>
      <source>the issue's links were not saved: {error}</source>
      <translation>本期的跨版链接未能保存：{error}</translation>
    </message>
    <message>
      <source>page {page} cannot be opened: {error}</source>
      <translation>第{page}版无法打开：{error}</translation>
    </message>
    <message>
      <source>the issue's links: {error}</source>
      <translation>本期的跨版链接：{error}</translation>
    </message>
    <message>
      <source>page {page}: the autosave could not be used: {error}</source>
      <translation>第{page}版：自动保存的文件无法使用：{error}</translation>
    </message>
    <message>
      <source>Filter entities…</source>
      <translation>筛选实体…</translation>
    </message>
    <message>
      <source>Show only the entities containing this text</source>
      <translation>只显示包含这段文字的实体</translation>
    </message>
    <message>
      <source>The type for Retype all to</source>
      <translation>“全部改为”所用的类型</translation>
    </message>
    <message>
      <source>List every page and line of the issue holding the selected entity</source>
      <translation>列出本期中含有所选实体的各版各行</translation>
    </message>
    <message>
      <source>Confirm all</source>
      <translation>全部确认</translation>
    </message>
    <message>
      <source>Confirm every occurrence of the selected entity on every page</source>
      <translation>在各版确认所选实体的每一处</translation>
    </message>
    <message>
      <source>Reject all</source>
      <translation>全部否决</translation>
    </message>
    <message>
      <source>Reject every occurrence of the selected entity on every page</source>
      <translation>在各版否决所选实体的每一处</translation>
    </message>
    <message>
      <source>Retype all to</source>
      <translation>全部改为</translation>
    </message>
    <message>
      <source>Give every occurrence of the selected entity the type chosen beside</source>
      <translation>把所选实体的每一处改为旁边选定的类型</translation>
    </message>
    <message>
      <source> (+{n} on {pages}, still parsing)</source>
      <translation>（另有 {n} 处在第{pages}版，仍在解析）</translation>
    </message>
    <message>
      <source>Entities of {issue}</source>
      <translation>{issue} 的实体</translation>
    </message>
    <message>
      <source>{n} distinct entities, {k} occurrences pending</source>
      <translation>{n} 个不同实体，{k} 处待审</translation>
    </message>
    <message>
      <source>{status}: {n}</source>
      <translation>{status}：{n}</translation>
    </message>
    <message>
      <source>Find in the issue (Enter)…</source>
      <translation>在本期中查找（Enter）…</translation>
    </message>
    <message>
      <source>Text to find on every page of the issue; Enter searches</source>
      <translation>要在本期各版中查找的文字；按 Enter 查找</translation>
    </message>
    <message>
      <source> (first ones)</source>
      <translation>（仅列前面的）</translation>
    </message>
    <message>
      <source>no issue is open</source>
      <translation>没有打开的期</translation>
    </message>
    <message>
      <source> — {n} pages still parsing</source>
      <translation> — 尚有 {n} 版在解析</translation>
    </message>
    <message>
      <source>{n} hits{more} on {k} pages{loading}</source>
      <translation>{k} 版中找到 {n} 处{more}{loading}</translation>
    </message>
    <message>
      <source>p{page}: has it (corpus index); still parsing</source>
      <translation>第{page}版：有（据语料索引）；仍在解析</translation>
    </message>
    <message>
      <source>p{page} l{line}</source>
      <translation>第{page}版 第{line}行</translation>
    </message>
    <message>
      <source>this article is not linked to another part</source>
      <translation>这篇文章没有与其他部分相连</translation>
    </message>
    <message>
      <source>Link continued story</source>
      <translation>连接跨版文章</translation>
    </message>
    <message>
      <source>Continues in:</source>
      <translation>下文接在：</translation>
    </message>
    <message>
      <source>select the article that jumps first</source>
      <translation>请先选择转版的文章</translation>
    </message>
    <message>
      <source>no article on another page to link to</source>
      <translation>其他版上没有可连接的文章</translation>
    </message>
    <message>
      <source>these articles cannot be linked</source>
      <translation>这两篇文章无法连接</translation>
    </message>
    <message>
      <source>the link was made but not saved: {error}</source>
      <translation>已连接，但未能保存：{error}</translation>
    </message>
    <message>
      <source>page {page} · article {n} · {title}</source>
      <translation>第{page}版 · 文章 {n} · {title}</translation>
    </message>
    <message>
      <source>&amp;Issue</source>
      <translation>本期(&amp;I)</translation>
    </message>
    <message>
      <source>Recent issues</source>
      <translation>最近打开的期</translation>
    </message>
    <message>
      <source>Open one of the issues opened lately</source>
      <translation>打开最近打开过的某一期</translation>
    </message>
    <message>
      <source>&amp;Open issue folder…</source>
      <translation>打开一期文件夹(&amp;O)…</translation>
    </message>
    <message>
      <source>Open a folder of page files as one issue: the page list, parsing in the background</source>
      <translation>把一个版面文件夹作为一期打开：先列出各版，在后台解析</translation>
    </message>
    <message>
      <source>Open issue &amp;PDF…</source>
      <translation>打开一期的 PDF(&amp;P)…</translation>
    </message>
    <message>
      <source>Open a multi-page PDF as one issue, one page of the issue per PDF page</source>
      <translation>把多页 PDF 作为一期打开，PDF 每页为一版</translation>
    </message>
    <message>
      <source>&amp;Save and next page</source>
      <translation>保存并转到下一版(&amp;S)</translation>
    </message>
    <message>
      <source>Save the page on screen and open the next page of the issue</source>
      <translation>保存当前版面并打开本期的下一版</translation>
    </message>
    <message>
      <source>Save &amp;every page</source>
      <translation>保存所有版面(&amp;E)</translation>
    </message>
    <message>
      <source>Save every page of the issue that holds unsaved corrections, and the issue's links</source>
      <translation>保存本期中有未保存校改的各版，以及本期的跨版链接</translation>
    </message>
    <message>
      <source>Issue &amp;entities…</source>
      <translation>本期实体(&amp;E)…</translation>
    </message>
    <message>
      <source>Every distinct entity of the issue with its count and pages; decide once for every page</source>
      <translation>本期所有不同实体及其次数和所在版面；一次决定，用于各版</translation>
    </message>
    <message>
      <source>&amp;Find in issue…</source>
      <translation>在本期中查找(&amp;F)…</translation>
    </message>
    <message>
      <source>Find text on every page of the issue</source>
      <translation>在本期各版中查找文字</translation>
    </message>
    <message>
      <source>E&amp;xport issue…</source>
      <translation>导出本期(&amp;X)…</translation>
    </message>
    <message>
      <source>Export the whole issue into a folder: JSON per page, JSONL and CoNLL corpora, METS/ALTO for a PDF</source>
      <translation>把整期导出到文件夹：每版一个 JSON、JSONL 和 CoNLL 语料，PDF 期另有 METS/ALTO</translation>
    </message>
    <message>
      <source>Open the issue {path}</source>
      <translation>打开这一期：{path}</translation>
    </message>
    <message>
      <source>Pages marked reviewed, out of the whole issue</source>
      <translation>整期中已标记审校的版数</translation>
    </message>
    <message>
      <source>parsing %v of %m pages</source>
      <translation>正在解析第%v/%m版</translation>
    </message>
    <message>
      <source>The pages are parsed in the background; each opens as soon as it is ready</source>
      <translation>各版在后台解析；每版一就绪即可打开</translation>
    </message>
    <message>
      <source>Click a page to open it (the page on screen is saved first)</source>
      <translation>单击某一版打开它（先保存当前版面）</translation>
    </message>
    <message>
      <source>unsaved</source>
      <translation>未保存</translation>
    </message>
    <message>
      <source>Page {page}</source>
      <translation>第{page}版</translation>
    </message>
    <message>
      <source>{done} of {total} pages reviewed</source>
      <translation>已审 {done} / {total} 版</translation>
    </message>
    <message>
      <source>{issue}{date} · {total} pages · {pending} entities pending</source>
      <translation>{issue}{date} · 共 {total} 版 · {pending} 个实体待审</translation>
    </message>
    <message>
      <source>{n} pending</source>
      <translation>{n} 待审</translation>
    </message>
    <message>
      <source>Restore ticked pages</source>
      <translation>恢复勾选的版面</translation>
    </message>
    <message>
      <source>Bring back the autosaved corrections of the ticked pages (not saved yet)</source>
      <translation>恢复勾选各版自动保存的校改（尚未保存）</translation>
    </message>
    <message>
      <source>Discard all</source>
      <translation>全部丢弃</translation>
    </message>
    <message>
      <source>Keep every page as it was last saved and delete the autosaves</source>
      <translation>各版保持上次保存的样子，删除自动保存的文件</translation>
    </message>
    <message>
      <source>These pages hold corrections made after their last save (the program stopped). Restore them?</source>
      <translation>这些版面保存着上次保存之后的校改（程序曾意外停止）。要恢复吗？</translation>
    </message>
    <message>
      <source>Story: —</source>
      <translation>文章：—</translation>
    </message>
    <message>
      <source>The parts of the story across the pages; click one to go there</source>
      <translation>这篇文章在各版的各部分；单击某一部分即转到那里</translation>
    </message>
    <message>
      <source>Link to continuation…</source>
      <translation>连接到下文…</translation>
    </message>
    <message>
      <source>Link the selected article to its continuation on another page</source>
      <translation>把所选文章与其他版上的下文连接起来</translation>
    </message>
    <message>
      <source>Unlink</source>
      <translation>取消连接</translation>
    </message>
    <message>
      <source>Take the selected article out of its continued story</source>
      <translation>把所选文章从跨版文章中分开</translation>
    </message>
    <message>
      <source>p{page} article {n}</source>
      <translation>第{page}版 文章 {n}</translation>
    </message>
    <message>
      <source>p{page}</source>
      <translation>第{page}版</translation>
    </message>
    <message>
      <source>Story: not continued</source>
      <translation>文章：未跨版</translation>
    </message>
    <message>
      <source>Story in {n} parts</source>
      <translation>文章分为 {n} 部分</translation>
    </message>
    <message>
      <source>Reading and parsing {name}…</source>
      <translation>正在读取并解析 {name}…</translation>
    </message>
    <message>
      <source>the parser process stopped while reading {name} (the details are in the log)</source>
      <translation>解析进程在读取 {name} 时中止（详情见日志）</translation>
    </message>
    <message>
      <source>Articles</source>
      <translation>文章</translation>
    </message>
    <message>
      <source>Article</source>
      <translation>文章</translation>
    </message>
    <message>
      <source>Entities</source>
      <translation>实体</translation>
    </message>
    <message>
      <source>Page image</source>
      <translation>版面图像</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;Open page…</source>
      <translation>打开版面(&amp;O)…</translation>
    </message>
    <message>
      <source>&amp;Save corrections</source>
      <translation>保存校改(&amp;S)</translation>
    </message>
    <message>
      <source>&amp;Next page</source>
      <translation>下一版(&amp;N)</translation>
    </message>
    <message>
      <source>&amp;Previous page</source>
      <translation>上一版(&amp;P)</translation>
    </message>
    <message>
      <source>&amp;Export JSON…</source>
      <translation>导出 JSON(&amp;E)…</translation>
    </message>
    <message>
      <source>Export &amp;CoNLL…</source>
      <translation>导出 CoNLL(&amp;C)…</translation>
    </message>
    <message>
      <source>Write the corrected page as CoNLL (one token per line, BIO entity tags) for NER training</source>
      <translation>把校改后的版面写成 CoNLL（每行一个词，BIO 实体标记），用于命名实体识别训练</translation>
    </message>
    <message>
      <source>Export JSON &amp;Lines…</source>
      <translation>导出 JSON Lines(&amp;L)…</translation>
    </message>
    <message>
      <source>Write one JSON record per article with its entity spans, for NER training</source>
      <translation>每篇文章写一条 JSON 记录及其实体范围，用于命名实体识别训练</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>退出(&amp;Q)</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>编辑(&amp;E)</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>撤销(&amp;U)</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>重做(&amp;R)</translation>
    </message>
    <message>
      <source>Edit headline fields</source>
      <translation>编辑标题字段</translation>
    </message>
    <message>
      <source>Set &amp;role</source>
      <translation>设置角色(&amp;R)</translation>
    </message>
    <message>
      <source>E&amp;ntities</source>
      <translation>实体(&amp;N)</translation>
    </message>
    <message>
      <source>Review in page order (not doubtful first)</source>
      <translation>按版面顺序审核（不按可疑程度）</translation>
    </message>
    <message>
      <source>The review queue (table, ] and [, moving on after a decision) in page order instead of doubt</source>
      <translation>审核队列（表格、] 和 [、决定后的前进）按版面顺序，而不是可疑程度</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>视图(&amp;V)</translation>
    </message>
    <message>
      <source>Hide blank lines</source>
      <translation>隐藏空行</translation>
    </message>
    <message>
      <source>Reset layout</source>
      <translation>重置布局</translation>
    </message>
    <message>
      <source>Put every pane back where it was at first</source>
      <translation>把各窗格放回最初的位置</translation>
    </message>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>键盘快捷键</translation>
    </message>
    <message>
      <source>Legend</source>
      <translation>图例</translation>
    </message>
    <message>
      <source>The interface language changes at the next start</source>
      <translation>界面语言在下次启动时更改</translation>
    </message>
    <message>
      <source>Undo the last correction</source>
      <translation>撤销上一次修改</translation>
    </message>
    <message>
      <source>Redo the correction just undone</source>
      <translation>重做刚撤销的修改</translation>
    </message>
    <message>
      <source> (read-only)</source>
      <translation>（只读）</translation>
    </message>
    <message>
      <source>&amp;Language</source>
      <translation>语言(&amp;L)</translation>
    </message>
    <message>
      <source>As the system</source>
      <translation>跟随系统</translation>
    </message>
    <message>
      <source>Interface language (from the next start)</source>
      <translation>界面语言（下次启动时生效）</translation>
    </message>
    <message>
      <source>No page</source>
      <translation>没有版面</translation>
    </message>
    <message>
      <source>Show or hide the {title} pane</source>
      <translation>显示或隐藏“{title}”窗格</translation>
    </message>
    <message>
      <source>Saved</source>
      <translation>已保存</translation>
    </message>
    <message>
      <source>{n} articles, {k} lines unassigned</source>
      <translation>{n} 篇文章，{k} 行未归属</translation>
    </message>
    <message>
      <source>{n} of {total} reviewed</source>
      <translation>已审 {n} / {total}</translation>
    </message>
    <message>
      <source>Review: {status}</source>
      <translation>审校：{status}</translation>
    </message>
    <message>
      <source>Unsaved changes</source>
      <translation>有未保存的修改</translation>
    </message>
    <message>
      <source>Page image ({n} lines not in the PDF)</source>
      <translation>版面图像（{n} 行不在 PDF 中）</translation>
    </message>
    <message>
      <source>{n} lines of the text were not found in its PDF: the text rules placed them</source>
      <translation>文本中有 {n} 行在其 PDF 中找不到：按文本规则排放</translation>
    </message>
    <message>
      <source>Article {n}</source>
      <translation>文章 {n}</translation>
    </message>
    <message>
      <source> (typed by the editor)</source>
      <translation>（编辑输入）</translation>
    </message>
    <message>
      <source>{total} ({n} to review)</source>
      <translation>{total}（{n} 待审）</translation>
    </message>
    <message>
      <source>{text} [{type}] offsets {start}–{end}</source>
      <translation>{text} [{type}] 位置 {start}–{end}</translation>
    </message>
    <message>
      <source>in no article</source>
      <translation>不属于任何文章</translation>
    </message>
    <message>
      <source>line {n}: {where}</source>
      <translation>第{n}行：{where}</translation>
    </message>
    <message>
      <source>article {id}, {role}</source>
      <translation>文章 {id}，{role}</translation>
    </message>
    <message>
      <source>[dateline] {text}</source>
      <translation>[电头] {text}</translation>
    </message>
    <message>
      <source>Find on the page (raw and article text)</source>
      <translation>在原文和文章中查找</translation>
    </message>
    <message>
      <source>Previous match (Shift+Enter)</source>
      <translation>上一个匹配（Shift+Enter）</translation>
    </message>
    <message>
      <source>Next match (Enter)</source>
      <translation>下一个匹配（Enter）</translation>
    </message>
    <message>
      <source>Close the find bar (Esc)</source>
      <translation>关闭查找栏（Esc）</translation>
    </message>
    <message>
      <source>Find</source>
      <translation>查找</translation>
    </message>
    <message>
      <source>Sign</source>
      <translation>符号</translation>
    </message>
    <message>
      <source>Meaning</source>
      <translation>含义</translation>
    </message>
    <message>
      <source>Type a row number or words of the title</source>
      <translation>输入行号或标题中的字词</translation>
    </message>
    <message>
      <source>Fit width</source>
      <translation>适合宽度</translation>
    </message>
    <message>
      <source>Fit the page's width (Ctrl+wheel zooms)</source>
      <translation>按版面宽度缩放（Ctrl+滚轮缩放）</translation>
    </message>
    <message>
      <source>Fit page</source>
      <translation>适合整版</translation>
    </message>
    <message>
      <source>Show the whole page</source>
      <translation>显示整个版面</translation>
    </message>
    <message>
      <source>Zoom in</source>
      <translation>放大</translation>
    </message>
    <message>
      <source>Zoom out</source>
      <translation>缩小</translation>
    </message>
    <message>
      <source>All types</source>
      <translation>全部类型</translation>
    </message>
    <message>
      <source>All statuses</source>
      <translation>全部状态</translation>
    </message>
    <message>
      <source>Waiting for review</source>
      <translation>等待审核</translation>
    </message>
    <message>
      <source>Show</source>
      <translation>显示</translation>
    </message>
    <message>
      <source>cannot render page {page} of {name}: {error}</source>
      <translation>无法绘制 {name} 的第{page}页：{error}</translation>
    </message>
    <message>
      <source>cannot show {name}: {error}</source>
      <translation>无法显示 {name}：{error}</translation>
    </message>
    <message>
      <source>Drag from here to move the selected lines onto an article in the list</source>
      <translation>从这里拖动，把所选行移到列表中的文章上</translation>
    </message>
    <message>
      <source>Keys</source>
      <translation>按键</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>操作</translation>
    </message>
    <message>
      <source>Where</source>
      <translation>位置</translation>
    </message>
    <message>
      <source>Add entity</source>
      <translation>添加实体</translation>
    </message>
    <message>
      <source>Remove entity</source>
      <translation>删除实体</translation>
    </message>
    <message>
      <source>Change entity type</source>
      <translation>更改实体类型</translation>
    </message>
    <message>
      <source>Change entity span</source>
      <translation>更改实体范围</translation>
    </message>
    <message>
      <source>Split article</source>
      <translation>拆分文章</translation>
    </message>
    <message>
      <source>Merge articles</source>
      <translation>合并文章</translation>
    </message>
    <message>
      <source>New article</source>
      <translation>新建文章</translation>
    </message>
    <message>
      <source>Delete article</source>
      <translation>删除文章</translation>
    </message>
    <message>
      <source>Move article</source>
      <translation>移动文章</translation>
    </message>
    <message>
      <source>Set role</source>
      <translation>设置角色</translation>
    </message>
    <message>
      <source>Set paragraph start</source>
      <translation>设置段落开头</translation>
    </message>
    <message>
      <source>Edit field</source>
      <translation>编辑字段</translation>
    </message>
    <message>
      <source>Mark reviewed</source>
      <translation>标记已审校</translation>
    </message>
    <message>
      <source>Start paragraph</source>
      <translation>开始新段落</translation>
    </message>
    <message>
      <source>Join paragraph</source>
      <translation>并入上一段</translation>
    </message>
    <message>
      <source>Mark not reviewed</source>
      <translation>取消已审校</translation>
    </message>
    <message>
      <source>Link edit</source>
      <translation>跨版链接修改</translation>
    </message>
    <message>
      <source>Unlink continued story</source>
      <translation>取消跨版连接</translation>
    </message>
    <message>
      <source>title</source>
      <translation>主题</translation>
    </message>
    <message>
      <source>kicker</source>
      <translation>引题</translation>
    </message>
    <message>
      <source>subtitle</source>
      <translation>副题</translation>
    </message>
    <message>
      <source>byline</source>
      <translation>署名</translation>
    </message>
    <message>
      <source>body</source>
      <translation>正文</translation>
    </message>
    <message>
      <source>subhead</source>
      <translation>小标题</translation>
    </message>
    <message>
      <source>jump</source>
      <translation>转版</translation>
    </message>
    <message>
      <source>column</source>
      <translation>栏目</translation>
    </message>
    <message>
      <source>caption</source>
      <translation>图片说明</translation>
    </message>
    <message>
      <source>other</source>
      <translation>其他</translation>
    </message>
    <message>
      <source>auto</source>
      <translation>自动</translation>
    </message>
    <message>
      <source>confirmed</source>
      <translation>已确认</translation>
    </message>
    <message>
      <source>rejected</source>
      <translation>已否决</translation>
    </message>
    <message>
      <source>added</source>
      <translation>已添加</translation>
    </message>
    <message>
      <source>edited</source>
      <translation>已修改</translation>
    </message>
    <message>
      <source>jieba</source>
      <translation>jieba</translation>
    </message>
    <message>
      <source>rule</source>
      <translation>规则</translation>
    </message>
    <message>
      <source>lexicon</source>
      <translation>词表</translation>
    </message>
    <message>
      <source>user</source>
      <translation>用户</translation>
    </message>
    <message>
      <source>in progress</source>
      <translation>进行中</translation>
    </message>
    <message>
      <source>done</source>
      <translation>完成</translation>
    </message>
    <message>
      <source>dateline</source>
      <translation>电头</translation>
    </message>
    <message>
      <source>confirm</source>
      <translation>确认</translation>
    </message>
    <message>
      <source>reject</source>
      <translation>否决</translation>
    </message>
    <message>
      <source>retype</source>
      <translation>改类型</translation>
    </message>
    <message>
      <source>add</source>
      <translation>添加</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>主题</translation>
    </message>
    <message>
      <source>Kicker</source>
      <translation>引题</translation>
    </message>
    <message>
      <source>Subtitle</source>
      <translation>副题</translation>
    </message>
    <message>
      <source>Byline</source>
      <translation>署名</translation>
    </message>
    <message>
      <source>Dateline</source>
      <translation>电头</translation>
    </message>
    <message>
      <source>Lines</source>
      <translation>行数</translation>
    </message>
    <message>
      <source>Text</source>
      <translation>文字</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Context</source>
      <translation>上下文</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>来源</translation>
    </message>
    <message>
      <source>Confidence</source>
      <translation>置信度</translation>
    </message>
    <message>
      <source>Occurrences</source>
      <translation>出现次数</translation>
    </message>
    <message>
      <source>title (主题)</source>
      <translation>主题</translation>
    </message>
    <message>
      <source>kicker (引题)</source>
      <translation>引题</translation>
    </message>
    <message>
      <source>subtitle (副题)</source>
      <translation>副题</translation>
    </message>
    <message>
      <source>body line inside a paragraph</source>
      <translation>段落中的正文行</translation>
    </message>
    <message>
      <source>subhead (小标题)</source>
      <translation>小标题</translation>
    </message>
    <message>
      <source>jump marker (转版)</source>
      <translation>转版标记</translation>
    </message>
    <message>
      <source>column label</source>
      <translation>栏目名</translation>
    </message>
    <message>
      <source>photo caption</source>
      <translation>图片说明</translation>
    </message>
    <message>
      <source>first line of a body paragraph</source>
      <translation>正文段落的第一行</translation>
    </message>
    <message>
      <source>a line in no article (unassigned)</source>
      <translation>不属于任何文章的行（未归属）</translation>
    </message>
    <message>
      <source>person: a name without titles, anonymised names too (华春莹, 腾某)</source>
      <translation>人名：不含职务，匿名也算（华春莹、腾某）</translation>
    </message>
    <message>
      <source>place: country, province, city, district, street, community, named area</source>
      <translation>地名：国家、省、市、区、街道、社区、有名称的地区</translation>
    </message>
    <message>
      <source>organisation and its standard abbreviation (外交部, 省政协, 一汽集团)</source>
      <translation>机构名及其规范简称（外交部、省政协、一汽集团）</translation>
    </message>
    <message>
      <source>calendar or clock expression with a number (4月20日, 2022年, 上午九时)</source>
      <translation>带数字的日期或时间（4月20日、2022年、上午九时）</translation>
    </message>
    <message>
      <source>dotted underline: suggested, waiting for review</source>
      <translation>点状下划线：自动建议，等待审核</translation>
    </message>
    <message>
      <source>struck out: rejected</source>
      <translation>删除线：已否决</translation>
    </message>
    <message>
      <source>anywhere</source>
      <translation>任何位置</translation>
    </message>
    <message>
      <source>raw page</source>
      <translation>原文</translation>
    </message>
    <message>
      <source>article text</source>
      <translation>文章文本</translation>
    </message>
    <message>
      <source>entity table</source>
      <translation>实体表</translation>
    </message>
    <message>
      <source>loading</source>
      <translation>加载中</translation>
    </message>
    <message>
      <source>error</source>
      <translation>出错</translation>
    </message>
    <message>
      <source>automatic</source>
      <translation>自动</translation>
    </message>
    <message>
      <source>reviewed</source>
      <translation>已审校</translation>
    </message>
    <message>
      <source>Entity</source>
      <translation>实体</translation>
    </message>
    <message>
      <source>Count</source>
      <translation>次数</translation>
    </message>
    <message>
      <source>Pages</source>
      <translation>版面</translation>
    </message>
    <message>
      <source>mixed</source>
      <translation>混合</translation>
    </message>
    <message>
      <source>{name}: the parser process stopped ({code})</source>
      <translation>{name}：解析进程中止（退出码 {code}）</translation>
    </message>
    <message>
      <source>“{name}” cannot be undone: it is not applied</source>
      <translation>“{name}”无法撤销：它尚未执行</translation>
    </message>
    <message>
      <source>entity {id} is not on the page any more</source>
      <translation>实体 {id} 已不在版面上</translation>
    </message>
    <message>
      <source>“{text}” overlaps another entity</source>
      <translation>“{text}”与另一个实体重叠</translation>
    </message>
    <message>
      <source>nothing to do</source>
      <translation>没有要做的修改</translation>
    </message>
    <message>
      <source>span {start}–{end} is outside the page text</source>
      <translation>范围 {start}–{end} 超出了版面文字</translation>
    </message>
    <message>
      <source>an entity needs a type</source>
      <translation>实体需要类型</translation>
    </message>
    <message>
      <source>there is no entity {id}</source>
      <translation>没有实体 {id}</translation>
    </message>
    <message>
      <source>the selection overlaps the entity “{text}”</source>
      <translation>所选范围与实体“{text}”重叠</translation>
    </message>
    <message>
      <source>“{text}” is already like that</source>
      <translation>“{text}”已经是这样了</translation>
    </message>
    <message>
      <source>the new span overlaps the entity “{text}”</source>
      <translation>新范围与实体“{text}”重叠</translation>
    </message>
    <message>
      <source>Confirm all “{text}”</source>
      <translation>确认全部“{text}”</translation>
    </message>
    <message>
      <source>Reject all “{text}”</source>
      <translation>否决全部“{text}”</translation>
    </message>
    <message>
      <source>Retype all “{text}”</source>
      <translation>更改全部“{text}”的类型</translation>
    </message>
    <message>
      <source>Add all “{text}”</source>
      <translation>标出全部“{text}”</translation>
    </message>
    <message>
      <source>unknown decision {decision}</source>
      <translation>未知的决定 {decision}</translation>
    </message>
    <message>
      <source>no other occurrence of “{text}” to {decision}</source>
      <translation>没有其他“{text}”可{decision}</translation>
    </message>
    <message>
      <source>there is no article {id}</source>
      <translation>没有文章 {id}</translation>
    </message>
    <message>
      <source>no lines selected</source>
      <translation>没有选中任何行</translation>
    </message>
    <message>
      <source>unknown role {role}</source>
      <translation>未知的角色 {role}</translation>
    </message>
    <message>
      <source>there is already an article {id}</source>
      <translation>已有文章 {id}</translation>
    </message>
    <message>
      <source>Edit {field}</source>
      <translation>编辑{field}</translation>
    </message>
    <message>
      <source>Clear {field}</source>
      <translation>清除输入的{field}</translation>
    </message>
    <message>
      <source>line {n} is not on the page</source>
      <translation>第{n}行不在版面上</translation>
    </message>
    <message>
      <source>line {n} is blank</source>
      <translation>第{n}行是空行</translation>
    </message>
    <message>
      <source>line {n} is not in article {id}</source>
      <translation>第{n}行不在文章 {id} 中</translation>
    </message>
    <message>
      <source>an article cannot be split at its first line</source>
      <translation>不能在文章的第一行处拆分</translation>
    </message>
    <message>
      <source>an article cannot be merged with itself</source>
      <translation>文章不能与自身合并</translation>
    </message>
    <message>
      <source>these lines are already in article {id}</source>
      <translation>这些行已在文章 {id} 中</translation>
    </message>
    <message>
      <source>position {index} is outside the article list</source>
      <translation>位置 {index} 超出了文章列表</translation>
    </message>
    <message>
      <source>the article is already there</source>
      <translation>文章已在该位置</translation>
    </message>
    <message>
      <source>these lines already are {role}</source>
      <translation>这些行已经是{role}</translation>
    </message>
    <message>
      <source>{field} cannot be edited (one of {fields})</source>
      <translation>{field} 不能编辑（可编辑的是 {fields}）</translation>
    </message>
    <message>
      <source>the page already has that review status</source>
      <translation>本版已是这一审校状态</translation>
    </message>
    <message>
      <source>these lines are already unassigned</source>
      <translation>这些行已经未归属</translation>
    </message>
    <message>
      <source>the {field} has no override to clear</source>
      <translation>{field}没有编辑输入的文字可清除</translation>
    </message>
    <message>
      <source>the {field} already reads that</source>
      <translation>{field}已经是这段文字</translation>
    </message>
    <message>
      <source>line {n} already starts a paragraph</source>
      <translation>第{n}行已是段落开头</translation>
    </message>
    <message>
      <source>line {n} does not start a paragraph that can be joined</source>
      <translation>第{n}行不是可并入上一段的段落开头</translation>
    </message>
    <message>
      <source>the block before line {n} is {role}, not {other}</source>
      <translation>第{n}行之前的段落是{role}，不是{other}</translation>
    </message>
    <message>
      <source>{path}: expected a non-empty list of labels</source>
      <translation>{path}：应为一个非空的标签列表</translation>
    </message>
    <message>
      <source>{path}: label names and shortcut keys must be unique</source>
      <translation>{path}：标签的名称和快捷键不能重复</translation>
    </message>
    <message>
      <source>{path}: label {n} is not an object</source>
      <translation>{path}：第{n}个标签不是对象</translation>
    </message>
    <message>
      <source>{path}: label {n} has no name</source>
      <translation>{path}：第{n}个标签没有名称</translation>
    </message>
    <message>
      <source>{path}: label {name} needs a colour like #1f77b4</source>
      <translation>{path}：标签 {name} 需要形如 #1f77b4 的颜色</translation>
    </message>
    <message>
      <source>{path}: label {name} needs a one-character shortcut key</source>
      <translation>{path}：标签 {name} 需要一个单字符的快捷键</translation>
    </message>
    <message>
      <source>{problem}; using the bundled labels</source>
      <translation>{problem}；改用内置的标签</translation>
    </message>
    <message>
      <source>{error}; learning is paused until it is fixed or removed (it is left untouched)</source>
      <translation>{error}；修好或移走它之前暂停学习（它不会被改动）</translation>
    </message>
    <message>
      <source>lexicon {path} has version {version}; this Banmian reads {versions}</source>
      <translation>词表 {path} 的版本是 {version}；本版面只能读取版本 {versions}</translation>
    </message>
    <message>
      <source>lexicon {path} is locked by another Banmian for over {seconds} s</source>
      <translation>词表 {path} 被另一个版面锁定已超过 {seconds} 秒</translation>
    </message>
    <message>
      <source>lexicon {path} cannot be read: {why}</source>
      <translation>无法读取词表 {path}：{why}</translation>
    </message>
    <message>
      <source>lexicon {path} is nested deeper than a lexicon ({levels} levels)</source>
      <translation>词表 {path} 的嵌套超过了词表应有的层数（{levels} 层）</translation>
    </message>
    <message>
      <source>lexicon {path} is not a Banmian lexicon (at /{where})</source>
      <translation>词表 {path} 不是版面的词表（位置 /{where}）</translation>
    </message>
    <message>
      <source>lexicon {error}</source>
      <translation>词表 {error}</translation>
    </message>
    <message>
      <source>lexicon {path} cannot be read; learning is paused</source>
      <translation>无法读取词表 {path}；学习已暂停</translation>
    </message>
    <message>
      <source>{name}: ALTO needs the page's geometry (open it from its PDF)</source>
      <translation>{name}：ALTO 需要版面的几何信息（请从其 PDF 打开）</translation>
    </message>
    <message>
      <source>export does not match the schema at /{where}: {error}</source>
      <translation>导出内容在 /{where} 处不符合模式：{error}</translation>
    </message>
    <message>
      <source>export not written: {error}</source>
      <translation>导出文件未写出：{error}</translation>
    </message>
    <message>
      <source>{decision} in the issue</source>
      <translation>在本期中{decision}</translation>
    </message>
    <message>
      <source>no occurrence of “{text}” in the issue to {decision}</source>
      <translation>本期中没有“{text}”可{decision}</translation>
    </message>
    <message>
      <source>retyping needs the new type</source>
      <translation>更改类型需要指定新类型</translation>
    </message>
    <message>
      <source>the link from page {page} line {line} to page {to_page} line {to_line} no longer joins two stories; exported unlinked</source>
      <translation>第{page}版第{line}行到第{to_page}版第{to_line}行的跨版链接已不再连接两篇文章；按未连接导出</translation>
    </message>
    <message>
      <source>{name}: {error}; left out of the export</source>
      <translation>{name}：{error}；未导出</translation>
    </message>
    <message>
      <source>{name}: no line geometry; no ALTO for this page</source>
      <translation>{name}：没有行的几何信息；本版不生成 ALTO</translation>
    </message>
    <message>
      <source>not loaded</source>
      <translation>未加载</translation>
    </message>
    <message>
      <source>links: not an object</source>
      <translation>跨版链接：不是 JSON 对象</translation>
    </message>
    <message>
      <source>a story cannot continue itself</source>
      <translation>文章不能接续自身</translation>
    </message>
    <message>
      <source>these parts are already linked</source>
      <translation>这两部分已经连接</translation>
    </message>
    <message>
      <source>these parts are not linked</source>
      <translation>这两部分没有连接</translation>
    </message>
    <message>
      <source>links: a link is not a page, a line, a page and a line</source>
      <translation>跨版链接：某条链接不是“版、行、版、行”四项</translation>
    </message>
    <message>
      <source>{name}: could not be parsed</source>
      <translation>{name}：无法解析</translation>
    </message>
    <message>
      <source>{name}: could not be parsed (a fault in the program; the details are in the log)</source>
      <translation>{name}：无法解析（程序出错，详情见日志）</translation>
    </message>
    <message>
      <source>{path}: an issue is a folder of pages or a PDF</source>
      <translation>{path}：一期应是版面文件夹或 PDF</translation>
    </message>
    <message>
      <source>{path}: no such file or folder</source>
      <translation>{path}：文件或文件夹不存在</translation>
    </message>
    <message>
      <source>{path}: no *.txt or *.pdf pages in this folder</source>
      <translation>{path}：此文件夹中没有 *.txt 或 *.pdf 版面</translation>
    </message>
    <message>
      <source>{path}: no such file</source>
      <translation>{path}：文件不存在</translation>
    </message>
    <message>
      <source>{path}: the PDF has no pages</source>
      <translation>{path}：该 PDF 没有页面</translation>
    </message>
    <message>
      <source>the page could not be opened</source>
      <translation>版面无法打开</translation>
    </message>
    <message>
      <source>{name}: the issue's link decisions could not be read ({error}); links are automatic</source>
      <translation>{name}：无法读取本期的跨版链接决定（{error}）；跨版链接按自动结果</translation>
    </message>
    <message>
      <source>cannot save the issue's links to {path}: {error}</source>
      <translation>无法把本期的跨版链接保存到 {path}：{error}</translation>
    </message>
    <message>
      <source>not a banmian issue file</source>
      <translation>不是版面工具的期文件</translation>
    </message>
    <message>
      <source>autosave of {name} failed: {error}</source>
      <translation>{name} 自动保存失败：{error}</translation>
    </message>
    <message>
      <source>a page</source>
      <translation>版面</translation>
    </message>
    <message>
      <source>a lexicon</source>
      <translation>词表</translation>
    </message>
    <message>
      <source>a PDF</source>
      <translation>PDF</translation>
    </message>
    <message>
      <source>cannot decode the page: it is not UTF-8, UTF-16/32 (with BOM), GB18030/GBK or Big5 text</source>
      <translation>无法解码该版面：它不是 UTF-8、UTF-16/32（带 BOM）、GB18030/GBK 或 Big5 文本</translation>
    </message>
    <message>
      <source>a folder</source>
      <translation>文件夹</translation>
    </message>
    <message>
      <source>a named pipe (FIFO)</source>
      <translation>命名管道（FIFO）</translation>
    </message>
    <message>
      <source>a socket</source>
      <translation>套接字</translation>
    </message>
    <message>
      <source>a character device</source>
      <translation>字符设备</translation>
    </message>
    <message>
      <source>a block device</source>
      <translation>块设备</translation>
    </message>
    <message>
      <source>{path}: looks like a binary file, not page text</source>
      <translation>{path}：看来是二进制文件，不是版面文本</translation>
    </message>
    <message>
      <source>{path}: is {kind}, not {what} file</source>
      <translation>{path}：这是{kind}，不是{what}文件</translation>
    </message>
    <message>
      <source>{path}: permission denied</source>
      <translation>{path}：没有权限</translation>
    </message>
    <message>
      <source>not a regular file</source>
      <translation>非普通文件</translation>
    </message>
    <message>
      <source>{path}: {size} MiB is larger than the {limit} MiB {what} may have</source>
      <translation>{path}：{size} MiB 超过了{what}的上限 {limit} MiB</translation>
    </message>
    <message>
      <source>{path}: larger than the {limit} MiB {what} may have</source>
      <translation>{path}：超过了{what}的上限 {limit} MiB</translation>
    </message>
    <message>
      <source>the file starts with a {name} byte-order mark but is not valid {name} (byte {at})</source>
      <translation>文件以 {name} 字节顺序标记开头，却不是有效的 {name}（第{at}字节）</translation>
    </message>
    <message>
      <source>Permission denied</source>
      <translation>没有权限</translation>
    </message>
    <message>
      <source>Operation not permitted</source>
      <translation>不允许的操作</translation>
    </message>
    <message>
      <source>No such file or directory</source>
      <translation>文件或文件夹不存在</translation>
    </message>
    <message>
      <source>No space left on device</source>
      <translation>磁盘空间不足</translation>
    </message>
    <message>
      <source>Read-only file system</source>
      <translation>只读文件系统</translation>
    </message>
    <message>
      <source>Is a directory</source>
      <translation>这是文件夹</translation>
    </message>
    <message>
      <source>Not a directory</source>
      <translation>不是文件夹</translation>
    </message>
    <message>
      <source>File exists</source>
      <translation>文件已存在</translation>
    </message>
    <message>
      <source>File name too long</source>
      <translation>文件名太长</translation>
    </message>
    <message>
      <source>Input/output error</source>
      <translation>输入/输出错误</translation>
    </message>
    <message>
      <source>not JSON: line {line}, column {column}</source>
      <translation>不是 JSON：第 {line} 行第 {column} 列</translation>
    </message>
    <message>
      <source>not UTF-8 text</source>
      <translation>不是 UTF-8 文本</translation>
    </message>
    <message>
      <source>nested too deeply</source>
      <translation>嵌套过深</translation>
    </message>
    <message>
      <source>{path}: is one of the inputs (a page, its corrections or the lexicon); choose another output</source>
      <translation>{path}：这是输入之一（版面、其校改或词表）；请另选输出位置</translation>
    </message>
    <message>
      <source>{path}: is a folder; give an output file</source>
      <translation>{path}：这是文件夹；请给出输出文件</translation>
    </message>
    <message>
      <source>{path}: exists and is not a Banmian output; add --force to overwrite it</source>
      <translation>{path}：已存在且不是版面工具的输出；加 --force 才会覆盖</translation>
    </message>
    <message>
      <source>{path}: has no page {number}</source>
      <translation>{path}：没有第{number}页</translation>
    </message>
    <message>
      <source>{path}: has {n} pages; open one of them as {name}#1 … {name}#{n}</source>
      <translation>{path}：共有 {n} 页；请以 {name}#1 … {name}#{n} 打开其中一页</translation>
    </message>
    <message>
      <source>{path}: not a readable PDF ({error})</source>
      <translation>{path}：不是可读的 PDF（{error}）</translation>
    </message>
    <message>
      <source>only {share:.0%} of its lines are on this page</source>
      <translation>其中只有 {share:.0%} 的行在本版上</translation>
    </message>
    <message>
      <source>{status} {type} “{text}” (was at line {line})</source>
      <translation>{status}的 {type}“{text}”（原在第{line}行）</translation>
    </message>
    <message>
      <source>removed {type} “{text}” (was at line {line})</source>
      <translation>已删除的 {type}“{text}”（原在第{line}行）</translation>
    </message>
    <message>
      <source>the {field} “{text}” (its line {line} is gone)</source>
      <translation>{field}“{text}”（所在的第{line}行已不存在）</translation>
    </message>
    <message>
      <source>article {id} (all its lines are gone)</source>
      <translation>文章 {id}（其所有行都已不存在）</translation>
    </message>
    <message>
      <source>{name}: cannot read: {error}</source>
      <translation>{name}：无法读取：{error}</translation>
    </message>
    <message>
      <source>{name} is open for editing elsewhere: read-only here (close it there to edit)</source>
      <translation>{name} 已在别处打开编辑：此处只读（在那里关闭后才能编辑）</translation>
    </message>
    <message>
      <source>the {what} was changed differently</source>
      <translation>{what}被改得不一致</translation>
    </message>
    <message>
      <source>the entity “{text}” was decided differently</source>
      <translation>实体“{text}”的决定不一致</translation>
    </message>
    <message>
      <source>the {field} of line {line} was set differently</source>
      <translation>第{line}行的{field}设置不一致</translation>
    </message>
    <message>
      <source>a {type} suggestion at {at} was removed on one side only</source>
      <translation>位置 {at} 的 {type} 建议只在一方被删除</translation>
    </message>
    <message>
      <source>“{first}” and “{second}” overlap</source>
      <translation>“{first}”与“{second}”重叠</translation>
    </message>
    <message>
      <source>the {field} “{text}” was not applied: line {line} is in no article now</source>
      <translation>{field}“{text}”未能应用：第{line}行现在不属于任何文章</translation>
    </message>
    <message>
      <source>{n} autosaved decision(s) did not fit the changed page: {lost}</source>
      <translation>{n} 条自动保存的决定与已变动的版面对不上：{lost}</translation>
    </message>
    <message>
      <source>kept as {name}</source>
      <translation>另存为 {name}</translation>
    </message>
    <message>
      <source>left in place</source>
      <translation>留在原处</translation>
    </message>
    <message>
      <source>the autosave could not be restored: {error}; {where}</source>
      <translation>自动保存无法恢复：{error}；{where}</translation>
    </message>
    <message>
      <source>at /{where}: {value} breaks the format's rule “{rule}”</source>
      <translation>位置 /{where}：{value} 不符合格式规则“{rule}”</translation>
    </message>
    <message>
      <source>{word} is not a number JSON allows</source>
      <translation>{word} 不是 JSON 允许的数值</translation>
    </message>
    <message>
      <source>{name} is corrupt (nested deeper than {depth} levels)</source>
      <translation>{name} 已损坏（嵌套超过 {depth} 层）</translation>
    </message>
    <message>
      <source>{name} is not a Banmian corrections file</source>
      <translation>{name} 不是版面工具的校改文件</translation>
    </message>
    <message>
      <source>{name} has version {version}; this Banmian reads {readable}</source>
      <translation>{name} 的版本为 {version}；本程序可读 {readable}</translation>
    </message>
    <message>
      <source>{name}: corrupt corrections: {problem}</source>
      <translation>{name}：校改已损坏：{problem}</translation>
    </message>
    <message>
      <source>{name} is corrupt (not UTF-8: byte {at})</source>
      <translation>{name} 已损坏（不是 UTF-8：第{at}字节）</translation>
    </message>
    <message>
      <source>{name} is corrupt ({error})</source>
      <translation>{name} 已损坏（{error}）</translation>
    </message>
    <message>
      <source>corrupt corrections: {problem}</source>
      <translation>校改已损坏：{problem}</translation>
    </message>
    <message>
      <source>the article structure does not cover the page's lines exactly once</source>
      <translation>文章结构没有把版面的每一行恰好覆盖一次</translation>
    </message>
    <message>
      <source>override on line {line}, which is not on the page</source>
      <translation>第{line}行有编辑输入的文字，但该行不在版面上</translation>
    </message>
    <message>
      <source>entity {text} at {start}–{end} is outside the page or overlaps another</source>
      <translation>位于 {start}–{end} 的实体 {text} 超出版面或与另一实体重叠</translation>
    </message>
    <message>
      <source>entity text {text} is not on the page at {start}</source>
      <translation>实体文字 {text} 不在版面的位置 {start}</translation>
    </message>
    <message>
      <source>bad block in article {id}</source>
      <translation>文章 {id} 中有错误的段落块</translation>
    </message>
    <message>
      <source>merged with corrections saved by another session ({name})</source>
      <translation>已与另一会话保存的校改合并（{name}）</translation>
    </message>
    <message>
      <source>{folder} cannot be written ({why}): corrections saved in the workspace as {path}</source>
      <translation>{folder} 无法写入（{why}）：校改已保存到工作区 {path}</translation>
    </message>
    <message>
      <source>{page} changed on disk since its corrections were saved</source>
      <translation>{page} 在校改保存后已在磁盘上改动</translation>
    </message>
    <message>
      <source>{name}: corrupt corrections: its text does not match its hash</source>
      <translation>{name}：校改已损坏：其文本与哈希值不符</translation>
    </message>
    <message>
      <source>{page} changed since its corrections were saved: they were moved onto the new text</source>
      <translation>{page} 在校改保存后已改动：校改已移到新文本上</translation>
    </message>
    <message>
      <source>not saved: {why}</source>
      <translation>未保存：{why}</translation>
    </message>
    <message>
      <source>not saved: {name} was changed by another session since this page was opened and {n} decision(s) conflict ({conflicts}); their save is untouched, yours is kept in {kept}</source>
      <translation>未保存：本版打开后，{name} 已被另一会话改动，有 {n} 条决定冲突（{conflicts}）；对方的保存未动，你的校改另存在 {kept}</translation>
    </message>
    <message>
      <source>{name} holds corrections for another page ({page})</source>
      <translation>{name} 存的是另一版（{page}）的校改</translation>
    </message>
    <message>
      <source>{name} holds corrections for another text ({why})</source>
      <translation>{name} 存的是另一段文本的校改（{why}）</translation>
    </message>
    <message>
      <source>left in place (could not rename it)</source>
      <translation>留在原处（无法改名）</translation>
    </message>
    <message>
      <source>its corrections were not applied</source>
      <translation>其校改未应用</translation>
    </message>
    <message>
      <source>it was not used</source>
      <translation>未使用该文件</translation>
    </message>
    <message>
      <source>{error}; {what}, {where}; the page opens with its automatic parse</source>
      <translation>{error}；{what}，{where}；本版以自动解析结果打开</translation>
    </message>
    <message>
      <source>{n} could not be: {lost}</source>
      <translation>{n} 条无法移动：{lost}</translation>
    </message>
    <message>
      <source>new line(s) {lines} are in no article</source>
      <translation>新的第{lines}行不属于任何文章</translation>
    </message>
    <message>
      <source>cannot save corrections to {path}: {error}</source>
      <translation>无法把校改保存到 {path}：{error}</translation>
    </message>
    <message>
      <source>{error}; it was kept as {name} and replaced by this save</source>
      <translation>{error}；原文件另存为 {name}，并由本次保存取代</translation>
    </message>
    <message>
      <source>the old corrections are kept as {name}</source>
      <translation>旧的校改另存为 {name}</translation>
    </message>
    <message>
      <source>corrections saved, but the lexicon could not be updated: {error}</source>
      <translation>校改已保存，但词表未能更新：{error}</translation>
    </message>
    <message>
      <source>{name}: {error}</source>
      <translation>{name}：{error}</translation>
    </message>
    <message>
      <source>{name}: the page is empty</source>
      <translation>{name}：该版面是空的</translation>
    </message>
    <message>
      <source>{path}: the label file is not UTF-8 (byte {at})</source>
      <translation type="obsolete">{path}：标签文件不是 UTF-8 编码（第{at}字节）</translation>
    </message>
    <message>
      <source>{path}: the label file is not valid JSON (line {line}, column {column})</source>
      <translation type="obsolete">{path}：标签文件不是有效的 JSON（第{line}行第{column}列）</translation>
    </message>
    <message>
      <source>{path}: the label file is nested too deeply</source>
      <translation type="obsolete">{path}：标签文件嵌套层次过深</translation>
    </message>
    <message>
      <source>{name} is corrupt (not JSON: {error})</source>
      <translation type="obsolete">{name} 已损坏（不是 JSON：{error}）</translation>
    </message>
    <message>
      <source>links: {error}</source>
      <translation type="obsolete">跨版链接：{error}</translation>
    </message>
    <message>
      <source>{name}: could not be parsed: {error}</source>
      <translation type="obsolete">{name}：无法解析：{error}</translation>
    </message>
    <message>
      <source>the parser process failed: {error}</source>
      <translation type="obsolete">解析进程出错：{error}</translation>
    </message>
    <message>
      <source>p{page} {article}</source>
      <translation type="obsolete">第{page}版 {article}</translation>
    </message>
    <message>
      <source>page {page} · {article} · {title}</source>
      <translation type="obsolete">第 {page} 版 · {article} · {title}</translation>
    </message>
    <message>
      <source>Article {id}</source>
      <translation type="obsolete">文章 {id}</translation>
    </message>
    <message>
      <source>Extracting the PDF's pages…</source>
      <translation type="obsolete">正在提取 PDF 的各版…</translation>
    </message>
    <message>
      <source>Page text (*.txt);;All files (*)</source>
      <translation type="obsolete">版面文本 (*.txt);;所有文件 (*)</translation>
    </message>
    <message>
      <source>the autosave could not be used: {error}</source>
      <translation type="obsolete">自动保存的文件无法使用：{error}</translation>
    </message>
  </context>
</TS>
