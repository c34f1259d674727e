"""Agreement of unres's reading of the 258 GA PDFs with their Word-side paragraphs.

    python benchmarks/pdf_pairs.py ../shared/corpus [pdf|pdftotext ...] [STEM ...]

For each pair of ``raw/ga-78-79-pairs/`` (SOURCES.md section 8) the Word side gives the
preambular clauses (their first two words), the operative numbers, the unnumbered operative
paragraphs and the sub-item labels with their depth; the ``pdf`` column parses the PDF
itself, the ``pdftotext`` column the poppler text in ``derived/ga-78-79-pairs-pdftotext``.
Word-side quirks left out: the formula line typed preambular, ``*`` lines, closing lines
typed preambular, and lower-case paragraphs after a list (unres keeps those as ``wrap_up``).
Prints each disagreement, then the share of documents agreeing on every field.
"""
import json, sys, re
from pathlib import Path
import unres

CLOSING = re.compile(r'^(\d+(st|nd|rd|th)\s+(\(?resumed\)?\s+)?plenary meeting|\d{1,2}\s+\w+\s+\d{4}$)')
FORMULA = re.compile(r'^(The General Assembly|The Security Council)\W*$')

def first_words(text, n=2):
    return ' '.join(re.findall(r"[\w’'-]+", text)[:n]).lower()

def label_of(prefix):
    return prefix.strip().strip('()').rstrip('.').strip('()')

def word_side(stem):
    paras = json.loads((PAIRS / 'paragraphs' / f'{stem}.json').read_text())
    pre, nums, unnumbered, labels, prelabels = [], [], 0, [], []
    for p in paras:
        if p.get('type') != 'paragraph':
            continue
        text = p['text'].strip()
        if FORMULA.match(text) or set(text) <= set('* \t'):
            continue
        level = p.get('paragraph_level') or 1
        prefix = (p.get('prefix') or '').strip()
        if p.get('paragraph_type') == 'preambular':
            if level > 1:
                prelabels.append((level - 1, label_of(prefix) if prefix else ''))
                continue
            if text[:1].islower() or CLOSING.match(text):
                continue  # a wrap-up after a list, or a closing line the Word side mistyped
            pre.append(first_words(text))
        elif p.get('paragraph_type') == 'operative':
            if level == 1:
                if prefix: nums.append(prefix.rstrip('.'))
                else: unnumbered += 1
            else:
                labels.append((level - 1, label_of(prefix) if prefix else ''))
    return {'pre': pre, 'nums': nums, 'unnumbered': unnumbered, 'labels': labels, 'prelabels': prelabels}

def items(its, depth, out):
    for it in its:
        out.append((depth, it.label))
        items(it.items, depth + 1, out)

def tree_side(tree):
    pre, nums, unnumbered, labels, prelabels = [], [], 0, [], []
    preambles = [tree.preamble] + [p.preamble for p in tree.parts]
    for pr in preambles:
        if pr is None: continue
        for c in pr.clauses:
            pre.append(first_words(c.text))
            items(c.items, 1, prelabels)
    def paras(ops):
        nonlocal unnumbered
        for o in ops:
            if o.number: nums.append(o.number.rstrip('.'))
            else: unnumbered += 1
            items(o.items, 1, labels)
    def secs(ss):
        for s in ss:
            paras(s.paragraphs); secs(s.sections)
    paras(tree.operative); secs(tree.sections)
    for p in tree.parts:
        paras(p.operative); secs(p.sections)
    return {'pre': pre, 'nums': nums, 'unnumbered': unnumbered, 'labels': labels, 'prelabels': prelabels}

def compare(w, t):
    bad = []
    if len(w['pre']) != len(t['pre']): bad.append(f"pre count {len(w['pre'])}!={len(t['pre'])}")
    elif w['pre'] != t['pre']: bad.append('pre openings ' + str([(a, b) for a, b in zip(w['pre'], t['pre']) if a != b][:2]))
    if w['nums'] != t['nums']: bad.append(f"nums {len(w['nums'])} vs {len(t['nums'])}")
    if w['unnumbered'] != t['unnumbered']: bad.append(f"unnumbered {w['unnumbered']}!={t['unnumbered']}")
    if w['prelabels'] != t['prelabels']: bad.append(f"preamble labels {len(w['prelabels'])} vs {len(t['prelabels'])}")
    if w['labels'] != t['labels']: bad.append(f"labels {len(w['labels'])} vs {len(t['labels'])}: " + str([(a, b) for a, b in zip(w['labels'], t['labels']) if a != b][:2]))
    return bad

ROOT = Path(sys.argv[1] if len(sys.argv) > 1 else '../shared/corpus')
PAIRS = ROOT / 'raw/ga-78-79-pairs'


def main():
    modes = [a for a in sys.argv[2:] if a in ('pdf', 'pdftotext')] or ['pdftotext', 'pdf']
    only = [a for a in sys.argv[2:] if a not in modes]
    for mode in modes:
        column(mode, only)


def column(mode, only):
    stems = sorted(p.stem for p in (PAIRS / 'pdf').glob('*.pdf'))
    if only: stems = [s for s in stems if s in only]
    ok = 0
    for stem in stems:
        w = word_side(stem)
        try:
            if mode == 'pdf':
                tree = unres.parse_file(PAIRS / 'pdf' / f'{stem}.pdf')
            else:
                tree = unres.parse_file(ROOT / 'derived/ga-78-79-pairs-pdftotext' / f'{stem}.txt')
            bad = compare(w, tree_side(tree))
        except unres.InputError as e:
            bad = [f'InputError {e}']
        if bad: print(stem, '; '.join(bad))
        else: ok += 1
    print(f'{mode}: {ok}/{len(stems)} agree on every field ({100*ok/len(stems):.1f}%)')

main()
