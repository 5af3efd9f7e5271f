// Drives JupyterLab in Debian's headless Chromium with playwright-core (JupyterLabBrowserIT starts
// the server and asserts what this prints). It runs a notebook from the UI cell by cell, watches
// the progress display while the hypothesis runs, interrupts a running scenario from the toolbar
// and times its container's removal, then opens a copy of the saved notebook that is no longer
// trusted, as a reader of someone else's notebook sees it. Prints one JSON object on stdout.
//
//   node jupyterlab-run.js CONFIG.json      (NODE_PATH names the cached playwright-core)
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { chromium } = require('playwright-core');

const config = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const shots = config.screenshots;
const seen = { steps: [] };
const step = (what) => { seen.steps.push(what); process.stderr.write(`jupyterlab-run: ${what}\n`); };

/** The kernel the server started: a child (or deeper) of the server whose command runs KernelMain. */
function kernelPid() {
  const out = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' });
  const procs = out.split('\n').filter(Boolean).map(l => {
    const m = l.trim().match(/^(\d+)\s+(\d+)\s+(.*)$/);
    return { pid: Number(m[1]), ppid: Number(m[2]), args: m[3] };
  });
  const tree = new Set([config.serverPid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of procs) if (tree.has(p.ppid) && !tree.has(p.pid)) { tree.add(p.pid); grew = true; }
  }
  const kernels = procs.filter(p => tree.has(p.pid) && p.args.includes('dev.oomlab.kernel.KernelMain'));
  return kernels.length === 1 ? kernels[0].pid : null;
}

/** Containers this kernel owns: the lab labels each with its owner, host/pid/start. */
function kernelContainers(pid) {
  const out = execFileSync('docker', ['ps', '-a', '--filter', 'label=oomlab.owner',
    '--format', '{{.ID}} {{.Label "oomlab.owner"}}'], { encoding: 'utf8' });
  return out.split('\n').filter(Boolean).map(l => l.split(' '))
    .filter(([, owner]) => owner && owner.split('/')[1] === String(pid)).map(([id]) => id);
}

async function waitFor(what, timeoutMs, probe, everyMs = 100) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise(r => setTimeout(r, everyMs));
  }
}

/** What a cell shows: its prompt, its outputs' text and HTML facts. */
function cellState(page, index) {
  return page.evaluate((i) => {
    const cell = document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook .jp-Cell')[i];
    if (!cell) return null;
    const prompt = cell.querySelector('.jp-InputPrompt');
    const outputs = [...cell.querySelectorAll('.jp-OutputArea-output')];
    const source = cell.querySelector('.jp-InputArea-editor .cm-content');
    return {
      code: cell.classList.contains('jp-CodeCell'),
      source: source ? source.innerText : '',
      prompt: prompt ? prompt.innerText.trim() : '',
      outputs: outputs.length,
      text: outputs.map(o => o.innerText).join('\n'),
      errors: cell.querySelectorAll('[data-mime-type="application/vnd.jupyter.stderr"], .jp-OutputArea-output[data-mime-type="application/vnd.jupyter.error"]').length,
      progress: cell.querySelectorAll('.jp-OutputArea-output progress').length,
    };
  }, index);
}

async function cellCount(page) {
  return page.evaluate(() =>
    document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook .jp-Cell').length);
}

/** Opens a notebook in a fresh workspace (?reset) and waits for its tab, all its cells and an idle kernel. */
async function openNotebook(page, name) {
  const cells = JSON.parse(fs.readFileSync(path.join(config.served, name), 'utf8')).cells.length;
  await page.goto(`${config.base}/lab/tree/${encodeURIComponent(name)}?reset&token=${config.token}`);
  await waitFor(`${name} to open with its ${cells} cells`, 120000, () => page.evaluate(([n, c]) => {
    const tab = document.querySelector('.lm-DockPanel .lm-TabBar-tab.lm-mod-current .lm-TabBar-tabLabel');
    const shown = document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook .jp-Cell').length;
    return tab && tab.innerText.trim() === n && shown === c;
  }, [name, cells]), 250);
  // the kernel is ready when the toolbar's kernel status reads Idle
  await waitFor('the kernel to be idle', 120000, () => page.evaluate(() => {
    const status = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook-ExecutionIndicator');
    return status && status.getAttribute('data-status') === 'idle';
  }), 250);
}

/** What the rendered notebook shows of a hypothesis: the verdict table, the result card, the chart, the badge. */
function look(page) {
  return page.evaluate((marker) => {
    const nb = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook');
    const verdict = [...nb.querySelectorAll('.jp-OutputArea-output table')]
      .find(t => t.innerText.includes('seed observed'));
    const rows = verdict ? [...verdict.querySelectorAll('tbody tr')].map(r => r.innerText.replace(/\s+/g, ' ').trim()) : [];
    // the result card of one run: its facts (the cgroup's oom_kill, the duration) and its timeline
    const card = [...nb.querySelectorAll('.jp-OutputArea-output')]
      .find(h => h.innerText.includes('oom_kill') && h.innerText.includes('duration') && h.querySelector('img'));
    const images = [...nb.querySelectorAll('.jp-OutputArea-output img')];
    const chart = images.find(i => i.complete && i.naturalWidth >= 400);
    const cardChart = card ? [...card.querySelectorAll('img')].find(i => i.complete && i.naturalWidth >= 400) : null;
    const rejected = [...nb.querySelectorAll('.jp-RenderedHTMLCommon span')].filter(s => s.innerText.trim() === 'REJECTED');
    const coloured = rejected.filter(s => !['', 'transparent', 'rgba(0, 0, 0, 0)'].includes(getComputedStyle(s).backgroundColor));
    return {
      rows,
      card: !!card,
      cardText: card ? card.innerText.replace(/\s+/g, ' ').slice(0, 300) : '',
      cardChartWidth: cardChart ? cardChart.naturalWidth : 0,
      chartWidth: chart ? chart.naturalWidth : 0,
      chartShownWidth: chart ? Math.round(chart.getBoundingClientRect().width) : 0,
      rejected: rejected.length,
      colouredBadges: coloured.length,
      // JupyterLab renders an error (and stderr) as application/vnd.jupyter.stderr; the interrupted cell's is expected
      errorOutputs: [...nb.querySelectorAll('.jp-Cell')]
        .filter(c => !(c.querySelector('.cm-content') || { innerText: '' }).innerText.includes(marker))
        .flatMap(c => [...c.querySelectorAll('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')])
        .length,
    };
  }, config.interruptMarker);
}

async function scrollTo(page, selectorScript) {
  await page.evaluate(selectorScript);
  await page.waitForTimeout(0); // one turn for layout, not a timed wait
}

async function shot(page, name) {
  const file = path.join(shots, name);
  await page.screenshot({ path: file });
  return file;
}

(async () => {
  const browser = await chromium.launch({
    executablePath: config.chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
  try {
    let page = await browser.newPage({ viewport: { width: 1280, height: 1500 } });
    page.setDefaultTimeout(60000);
    await openNotebook(page, config.notebook);
    step('opened ' + config.notebook);
    const pid = await waitFor('the kernel process', 30000, async () => kernelPid(), 200);
    seen.kernelPid = pid;

    // run it from the UI, cell by cell: select the first cell, then the toolbar's run button per cell
    const total = await cellCount(page);
    seen.cells = total;
    await page.locator('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell').first().locator('.jp-InputPrompt').click();
    const runButton = page.locator('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Toolbar [data-command="notebook:run-cell-and-select-next"]');
    const interruptButton = page.locator('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Toolbar [data-command="notebook:interrupt-kernel"]');
    seen.cellResults = [];
    for (let i = 0; i < total; i++) {
      const before = await cellState(page, i);
      if (before.code && before.source.includes(config.interruptMarker)) {
        seen.interrupt = await interruptCell(page, i, runButton, interruptButton, pid);
        continue;
      }
      await runButton.click();
      if (!before.code) continue;
      const progressTexts = new Set();
      let maxProgress = 0;
      let progressShot = null;
      const done = await waitFor(`cell ${i} to finish`, 300000, async () => {
        const s = await cellState(page, i);
        if (s.progress > 0) {
          maxProgress = Math.max(maxProgress, s.progress);
          const text = s.text.split('\n').find(l => /\d+\/\d+ done/.test(l)) || '';
          if (text && !progressTexts.has(text)) {
            progressTexts.add(text);
            if (!progressShot && progressTexts.size >= 2) progressShot = await shot(page, 'jupyterlab-progress.png');
          }
        }
        return /^\[\d+\]/.test(s.prompt) ? s : null;
      }, 100);
      seen.cellResults.push({ index: i, prompt: done.prompt, outputs: done.outputs, errors: done.errors,
        text: done.text.slice(0, 400), progressTexts: [...progressTexts], maxProgressDisplays: maxProgress });
      step(`cell ${i} ran: ${done.prompt}`);
    }

    seen.trusted = await look(page);
    await scrollTo(page, `[...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output table')].find(t => t.innerText.includes('seed observed')).scrollIntoView({block: 'center'})`);
    seen.verdictShot = await shot(page, 'jupyterlab-verdict.png');
    await scrollTo(page, `[...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output img')].find(i => i.naturalWidth >= 400).scrollIntoView({block: 'center'})`);
    seen.chartShot = await shot(page, 'jupyterlab-chart.png');

    // save, then open a copy whose content no longer matches its signature: JupyterLab sanitizes it
    await page.keyboard.press('Control+s');
    await waitFor('the notebook to be saved', 30000, () => page.evaluate(() =>
      !document.querySelector('.lm-TabBar-tab.lm-mod-current.jp-mod-dirty')), 200);
    const saved = JSON.parse(fs.readFileSync(path.join(config.served, config.notebook), 'utf8'));
    saved.metadata.oomlab_test = 'a copy, not signed by this server';
    const copy = 'untrusted-' + config.notebook;
    fs.writeFileSync(path.join(config.served, copy), JSON.stringify(saved, null, 1));
    const reader = await browser.newPage({ viewport: { width: 1280, height: 1500 } });
    await openNotebook(reader, copy);
    await page.close();
    page = reader;
    seen.untrusted = await look(page);
    await scrollTo(page, `[...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output table')].find(t => t.innerText.includes('seed observed')).scrollIntoView({block: 'center'})`);
    seen.untrustedVerdictShot = await shot(page, 'jupyterlab-untrusted-verdict.png');
    await scrollTo(page, `[...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output img')].find(i => i.naturalWidth >= 400).scrollIntoView({block: 'center'})`);
    seen.untrustedChartShot = await shot(page, 'jupyterlab-untrusted-chart.png');
    seen.ok = true;
  } catch (e) {
    seen.ok = false;
    seen.failure = String(e && e.stack || e);
    try {
      const pages = browser.contexts().flatMap(c => c.pages());
      if (pages.length) seen.failureShot = await shot(pages[0], 'jupyterlab-failure.png');
    } catch (ignored) { /* the browser is gone */ }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(seen) + '\n');
})();

/**
 * Runs the interrupt cell, waits for its container, clicks the toolbar's interrupt button and
 * polls the engine until the container is gone; returns the timings and what the cell showed.
 */
async function interruptCell(page, index, runButton, interruptButton, pid) {
  if (kernelContainers(pid).length) throw new Error('containers of this kernel before the interrupt cell');
  await runButton.click();
  const started = await waitFor('the scenario\'s container', 120000, async () => {
    const ids = kernelContainers(pid);
    return ids.length ? ids : null;
  }, 50);
  await shot(page, 'jupyterlab-interrupt-running.png');
  await interruptButton.click();
  const clicked = Date.now();
  await waitFor('the container to be removed', 10000, async () => kernelContainers(pid).length === 0, 20);
  const goneAfterMs = Date.now() - clicked;
  const ended = await waitFor('the interrupted cell to end', 30000, async () => {
    const s = await cellState(page, index);
    return /^\[\d+\]/.test(s.prompt) ? s : null;
  }, 100);
  const shotFile = await shot(page, 'jupyterlab-interrupted.png');
  step(`interrupt: container gone ${goneAfterMs} ms after the click`);
  return { containers: started, goneAfterMs, prompt: ended.prompt, text: ended.text.slice(0, 600), shot: shotFile };
}
