import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Bm25Index } from './assist.bm25.ts';
import { SoftmaxClassifier } from './assist.classifier.ts';
import { rankDuplicates, trainLabel } from './assist.feedback.ts';
import { compilePlaces, extractPlaces } from './assist.places.ts';
import { buildProcedureIndex, suggestFromIndex } from './assist.procedures.ts';
import { analyseQuery, compileTable } from './assist.query.ts';
import { dot, foldedSyllables, prng, termsOf, textTerms, TfIdf } from './assist.text.ts';

describe('text features', () => {
  test('folds accents, đ and case into syllables', () => {
    assert.deepEqual(foldedSyllables('Làm GIẤY khai sinh, Đăng ký!'), ['lam', 'giay', 'khai', 'sinh', 'dang', 'ky']);
    // decomposed input (NFD) folds the same as composed
    assert.deepEqual(foldedSyllables('Đường'.normalize('NFD')), ['duong']);
  });

  test('unigrams + bigrams; a stop syllable gives neither', () => {
    assert.deepEqual(termsOf(['khai', 'sinh']), ['khai', 'khai sinh', 'sinh']);
    assert.deepEqual(termsOf(['khai', 'sinh', 'cho', 'con'], new Set(['cho'])), ['khai', 'khai sinh', 'sinh', 'con']);
  });

  test('TF-IDF vectors are unit length; cosine 1 for the same text, 0 for disjoint, accents ignored', () => {
    const docs = ['đèn đường hỏng', 'den duong hong', 'rác thải ven suối'].map((t) => textTerms(t));
    const v = new TfIdf(docs);
    const [a, b, c] = docs.map((d) => v.vector(d));
    assert.ok(Math.abs(dot(a, a) - 1) < 1e-12);
    assert.ok(Math.abs(dot(a, b) - 1) < 1e-12);
    assert.equal(dot(a, c), 0);
    assert.equal(v.vector(['never', 'seen']).size, 0);
  });

  test('the seeded generator repeats itself and differs between seeds', () => {
    const a = prng(42);
    const b = prng(42);
    const xs = [a(), a(), a()];
    assert.deepEqual([b(), b(), b()], xs);
    assert.notDeepEqual([prng(43)(), prng(43)(), prng(43)()], xs);
  });
});

describe('BM25F', () => {
  const ix = new Bm25Index([
    { id: 'b', fields: [{ terms: textTerms('Đăng ký khai sinh lưu động'), weight: 3 }] },
    { id: 'a', fields: [{ terms: textTerms('Đăng ký khai sinh'), weight: 3 }] },
    { id: 'c', fields: [{ terms: textTerms('Đăng ký kết hôn'), weight: 3 }] },
  ]);
  const q = (s: string) => textTerms(s).map((term) => ({ term, weight: 1 }));

  test('a short name saying exactly what was asked ranks first; non-matching documents are left out', () => {
    const hits = ix.search(q('khai sinh'), 5);
    assert.deepEqual(hits.map((h) => h.id), ['a', 'b']);
    assert.ok(hits[0].score > hits[1].score);
    assert.deepEqual(new Set(hits[0].matched.map((m) => m.term)), new Set(['khai', 'sinh', 'khai sinh']));
  });

  test('a rarer term weighs more (idf) and idf is never negative', () => {
    assert.ok(ix.idf('khai sinh') > ix.idf('dang ky'));
    assert.ok(ix.idf('dang ky') >= 0);
    assert.deepEqual(ix.search(q('kết hôn'), 5).map((h) => h.id), ['c']);
  });

  test('a query term repeated counts once; the filter drops documents', () => {
    assert.deepEqual(ix.search([...q('khai sinh'), ...q('khai sinh')], 5).map((h) => h.score), ix.search(q('khai sinh'), 5).map((h) => h.score));
    assert.deepEqual(ix.search(q('đăng ký'), 5, (id) => id !== 'a').map((h) => h.id).sort(), ['b', 'c']);
  });
});

describe('query analysis', () => {
  const t = compileTable({
    stopwords: ['lam', 'cho'],
    fillers: ['cho con'],
    synonyms: [
      { when: ['giấy khai sinh'], add: 'đăng ký khai sinh' },
      { when: ['hộ khẩu'], add: 'đăng ký thường trú' },
      { when: ['tách hộ khẩu'], add: 'tách hộ' },
    ],
  });

  test('adds the catalogue wording of a colloquial phrase, with or without accents', () => {
    const a = analyseQuery('làm giấy khai sinh cho con', t);
    const b = analyseQuery('lam giay khai sinh cho con', t);
    assert.deepEqual(a, b);
    assert.deepEqual(a.applied.map((x) => x.to), ['đăng ký khai sinh']);
    assert.ok(a.terms.some((x) => x.term === 'dang ky'));
    assert.ok(!a.terms.some((x) => x.term === 'lam' || x.term === 'con'), 'stop syllable and filler give no term');
  });

  test('a phrase inside a longer matched phrase is not applied', () => {
    assert.deepEqual(analyseQuery('tách hộ khẩu ra riêng', t).applied.map((x) => x.to), ['tách hộ']);
    assert.deepEqual(analyseQuery('nhập hộ khẩu', t).applied.map((x) => x.to), ['đăng ký thường trú']);
  });

  test('a filler breaks the bigram across it', () => {
    const terms = analyseQuery('sinh cho con nuôi', t).terms.map((x) => x.term);
    assert.ok(!terms.includes('sinh nuoi'));
    assert.ok(terms.includes('nuoi') && terms.includes('sinh'));
  });
});

describe('procedure suggestion (pure, on a small catalogue)', () => {
  const doc = (name: string) => ({ name });
  const ix = buildProcedureIndex([
    { id: '1', code: 'HT-01', name: 'Đăng ký khai sinh', field: 'civil_status', documents: [doc('Tờ khai đăng ký khai sinh'), doc('Giấy chứng sinh'), doc('Giấy tờ tùy thân có ảnh')], resultType: 'Giấy khai sinh (bản chính), trích lục khai sinh' },
    { id: '2', code: 'HT-15', name: 'Đăng ký khai sinh lưu động', field: 'civil_status', documents: [doc('Tờ khai đăng ký khai sinh')], resultType: 'Giấy khai sinh' },
    { id: '3', code: 'HT-05', name: 'Đăng ký khai sinh kết hợp nhận cha, mẹ, con', field: 'civil_status', documents: [doc('Tờ khai')], resultType: 'Giấy khai sinh' },
    { id: '4', code: 'DD-01', name: 'Cấp Giấy chứng nhận quyền sử dụng đất lần đầu', field: 'land', documents: [doc('Đơn đăng ký đất đai')], resultType: 'Giấy chứng nhận' },
    { id: '5', code: 'XD-01', name: 'Cấp giấy phép xây dựng đối với nhà ở riêng lẻ', field: 'construction', documents: [doc('Đơn đề nghị cấp giấy phép xây dựng')], resultType: 'Giấy phép xây dựng' },
  ]);

  test('"lam giay khai sinh cho con" → birth registration first, matched words shown with accents, synonym named', () => {
    const s = suggestFromIndex(ix, 'lam giay khai sinh cho con', 'vi');
    assert.equal(s[0].code, 'HT-01');
    assert.ok(s[0].matched.includes('khai sinh'), s[0].matched.join());
    assert.deepEqual(s[0].via, [{ from: 'giấy khai sinh', to: 'đăng ký khai sinh' }]);
    assert.equal(s[0].fieldLabel, 'Hộ tịch');
  });

  test('colloquial words reach the catalogue wording: sổ đỏ, làm nhà', () => {
    assert.equal(suggestFromIndex(ix, 'Tôi cần làm sổ đỏ', 'vi')[0].code, 'DD-01');
    assert.equal(suggestFromIndex(ix, 'xin phep lam nha', 'en')[0].code, 'XD-01');
    assert.equal(suggestFromIndex(ix, 'xin phep lam nha', 'en')[0].fieldLabel, 'Construction');
  });

  test('nothing to search → no suggestion', () => {
    assert.deepEqual(suggestFromIndex(ix, 'cho con', 'vi'), []);
    assert.deepEqual(suggestFromIndex(ix, 'xyzzy', 'vi'), []);
  });
});

describe('softmax logistic regression', () => {
  const data: Array<[string, string]> = [
    ['đèn đường hỏng không sáng', 'other'],
    ['đường bị sạt lở sau mưa', 'other'],
    ['cống thoát nước bị tắc', 'other'],
    ['rác thải đổ trộm ven suối', 'other'],
    ['cán bộ thái độ thiếu tôn trọng', 'conduct'],
    ['cán bộ quát mắng người dân', 'conduct'],
    ['cán bộ đi muộn về sớm', 'conduct'],
    ['nhân viên trả lời thiếu lịch sự', 'conduct'],
    ['cổng dịch vụ công không đăng nhập được', 'online_service'],
    ['nộp hồ sơ trực tuyến bị lỗi', 'online_service'],
    ['thanh toán trực tuyến bị trừ tiền hai lần', 'online_service'],
    ['trang tra cứu hồ sơ trực tuyến bị treo', 'online_service'],
  ];
  const docs = data.map(([t]) => textTerms(t));
  const labels = data.map(([, l]) => l);

  test('learns the training set and generalises to a close phrasing (typed without accents)', () => {
    const m = SoftmaxClassifier.train(docs, labels, { seed: 3 });
    data.forEach(([t, l]) => assert.equal(m.predict(textTerms(t))[0].label, l, t));
    assert.equal(m.predict(textTerms('can bo thai do khong ton trong nguoi dan'))[0].label, 'conduct');
    assert.equal(m.predict(textTerms('khong dang nhap duoc cong dich vu cong'))[0].label, 'online_service');
  });

  test('probabilities sum to 1 and are sorted; the same seed trains the same model', () => {
    const a = SoftmaxClassifier.train(docs, labels, { seed: 9 }).predict(textTerms('đèn hỏng'));
    const b = SoftmaxClassifier.train(docs, labels, { seed: 9 }).predict(textTerms('đèn hỏng'));
    assert.deepEqual(a, b);
    assert.ok(Math.abs(a.reduce((s, p) => s + p.probability, 0) - 1) < 1e-9);
    assert.ok(a[0].probability >= a[1].probability && a[1].probability >= a[2].probability);
    assert.equal(a[0].label, 'other');
  });

  test('"not enough history" below the minimum per class; thin classes are left out', () => {
    const rows = data.map(([t, l]) => ({ terms: textTerms(t), label: l }));
    assert.equal(trainLabel(rows, 5).status, 'not_enough_history');
    const ok = trainLabel([...rows, { terms: textTerms('một lần duy nhất'), label: 'rare' }], 4);
    assert.equal(ok.status, 'ok');
    assert.equal(ok.classes, 3);
    assert.equal(ok.examples, 13);
    assert.ok(!ok.model!.labels.includes('rare'));
  });
});

describe('places and duplicates', () => {
  test('a place word followed by a number, a capitalised name, or (all lower case) two syllables', () => {
    assert.deepEqual([...extractPlaces('Đèn đường ở tổ 5 bị hỏng')], ['to 5']);
    assert.deepEqual([...extractPlaces('Tại thôn Đông Hà, cống bị tắc')], ['thon dong ha']);
    assert.deepEqual([...extractPlaces('tai thon dong ha cong bi tac')], ['thon dong ha']);
    assert.deepEqual([...extractPlaces('Đường bị sạt lở')], []);
  });

  test('known local places are found with or without their place word', () => {
    const known = compilePlaces(['Thôn Khe Tiên', 'Khu phố Hòa Bình']);
    assert.ok(extractPlaces('Nước tràn ở Khe Tiên', known).has('khe tien'));
    assert.ok(extractPlaces('nuoc tran o thon khe tien', known).has('thon khe tien'));
  });

  test('the same problem at the same place ranks above the same problem elsewhere; unrelated items are left out', () => {
    const target = { id: 't', text: 'Đèn chiếu sáng ở thôn Nà Cam bị hỏng nhiều ngày.' };
    const ranked = rankDuplicates(target, [
      { id: 'elsewhere', text: 'Đèn chiếu sáng ở thôn Khe Tiên bị hỏng nhiều ngày.' },
      { id: 'same', text: 'den chieu sang thon Na Cam bi hong, de nghi sua' },
      { id: 'other', text: 'Cán bộ một cửa thái độ thiếu lịch sự.' },
    ]);
    assert.deepEqual(ranked.map((r) => r.id), ['same', 'elsewhere']);
    assert.deepEqual(ranked[0].places, ['thon na cam']);
    assert.ok(ranked[0].score > ranked[0].cosine);
    assert.equal(ranked[1].score, ranked[1].cosine);
  });
});
