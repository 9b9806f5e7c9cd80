import { describe, expect, it } from 'vitest';
import {
  fitStoryWeights,
  STORY_WEIGHTS,
  StoryIdf,
  type StorySignals,
  type StoryText,
  storyProfile,
  storyScore,
  storySignals,
  storySimilarity,
} from './similarity.ts';

// Invented stories, written for these tests.
const bridge: StoryText = {
  lang: 'en',
  text:
    'Bridge collapse in Valdera leaves four dead\n' +
    'A road bridge over the Serro river in the northern city of Valdera collapsed on Tuesday morning, killing four ' +
    'people and injuring 17, the regional fire service said. Mayor Lucia Brandt said 12 cars were on the 240-metre ' +
    'bridge when its central span gave way. Rescue teams from Ostrava and Kemna searched the river through the ' +
    'afternoon. The bridge, built in 1968, had been due for repairs in 2025.',
};

const bridgeGerman: StoryText = {
  lang: 'de',
  text:
    'Brückeneinsturz in Valdera: vier Tote\n' +
    'In der nördlichen Stadt Valdera ist am Dienstagmorgen eine Straßenbrücke über den Fluss Serro eingestürzt. Vier ' +
    'Menschen kamen ums Leben, 17 wurden verletzt, teilte die regionale Feuerwehr mit. Bürgermeisterin Lucia Brandt ' +
    'sagte, zwölf Autos seien auf der 240 Meter langen Brücke gewesen, als das Mittelstück nachgab. Rettungsteams aus ' +
    'Ostrava und Kemna suchten den ganzen Nachmittag den Fluss ab. Die 1968 gebaute Brücke sollte 2025 saniert werden.',
};

const bridgeAgain: StoryText = {
  lang: 'en',
  text:
    'Four killed as Valdera river bridge gives way\n' +
    'Four people died and 17 were hurt when the central span of a bridge across the Serro in Valdera fell into the ' +
    'river on Tuesday. "It was like an earthquake," one driver told local radio. Lucia Brandt, the city\'s mayor, ' +
    'said a dozen vehicles were crossing at the time. Divers from Kemna joined the search. Engineers had warned in ' +
    '2023 that the 1968 structure needed urgent work.',
};

const otherBridge: StoryText = {
  lang: 'en',
  text:
    'Bridge collapse in Port Hallam injures two\n' +
    'Part of a footbridge over the railway in Port Hallam collapsed on Saturday evening, injuring two cyclists, ' +
    'police said. The 30-metre bridge, opened in 2001, had been closed to cars since March. Council leader Amir Osei ' +
    'said inspectors had found corrosion in its steel frame last year. Trains between Port Hallam and Dunmore were ' +
    'suspended for six hours while the collapsed bridge was cleared.',
};

const orchestra: StoryText = {
  lang: 'en',
  text:
    'Orchestra announces summer tour\n' +
    'The Halden Philharmonic will play 14 concerts in five countries this summer, its director Mara Quint announced ' +
    'on Friday. The tour opens in Lisbon in June and ends with two nights in Oslo. Tickets go on sale next month, and ' +
    'the orchestra said a new work by a young composer from the city would be played on every night of the tour.',
};

const stories = [bridge, bridgeGerman, bridgeAgain, otherBridge, orchestra];

function withIdf() {
  const idf = new StoryIdf();
  const profiles = stories.map((s) => storyProfile(s));
  for (const p of profiles) idf.add(p);
  return (a: StoryText, b: StoryText) =>
    storySimilarity(profiles[stories.indexOf(a)]!, profiles[stories.indexOf(b)]!, idf);
}

describe('storySimilarity', () => {
  for (const [name, sim] of [
    ['without document frequencies', (a: StoryText, b: StoryText) => storySimilarity(a, b)],
    ['with document frequencies', withIdf()],
  ] as const) {
    it(`puts a translation of the story above other stories in its own language, ${name}`, () => {
      const translated = sim(bridge, bridgeGerman);
      expect(translated).toBeGreaterThan(sim(bridge, orchestra));
      expect(translated).toBeGreaterThan(sim(bridge, otherBridge));
    });

    it(`puts the same event, reported twice, above another event of the same kind, ${name}`, () => {
      expect(sim(bridge, bridgeAgain)).toBeGreaterThan(sim(bridge, otherBridge));
      expect(sim(bridgeAgain, bridge)).toBeGreaterThan(sim(bridgeAgain, otherBridge));
      expect(sim(bridge, otherBridge)).toBeGreaterThan(sim(bridge, orchestra));
    });
  }

  it('is symmetric, within 0..1, near 1 for a text and itself, and copes with empty texts', () => {
    for (const a of stories)
      for (const b of stories) {
        const s = storySimilarity(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(s).toBeCloseTo(storySimilarity(b, a), 12);
      }
    expect(storySimilarity(bridge, bridge)).toBeGreaterThan(0.9);
    const empty = storySimilarity({ text: '' }, bridge);
    expect(Number.isFinite(empty)).toBe(true);
    expect(empty).toBe(0);
  });

  it('compares Chinese text by character pairs, which whole-word matching cannot', () => {
    const zh = (text: string): StoryText => ({ lang: 'zh', text });
    const a = zh(
      '瓦尔德拉大桥倒塌造成四人死亡\n周二上午，瓦尔德拉市一座横跨塞罗河的公路桥倒塌，造成四人死亡、17人受伤。' +
        '市长布兰特说，桥塌时桥上有12辆汽车。',
    );
    const b = zh(
      '瓦尔德拉公路桥周二倒塌 四人遇难\n当地消防部门说，瓦尔德拉的一座公路桥在周二早上倒塌，四人遇难，17人受伤。' +
        '救援队整个下午都在河里搜寻。',
    );
    const c = zh(
      '哈尔登爱乐乐团宣布夏季巡演\n哈尔登爱乐乐团周五宣布，今年夏天将在五个国家举办14场音乐会。巡演将于六月在里斯本开幕。',
    );
    expect(storyProfile(a).words).toContain('大桥');
    expect(storySimilarity(a, b)).toBeGreaterThan(storySimilarity(a, c) + 0.2);
  });
});

describe('storyProfile', () => {
  it('drops function words, cuts words to a prefix and takes the first line as the headline', () => {
    const p = storyProfile(bridgeGerman);
    expect(p.words).not.toContain('der');
    expect(p.words).toContain('valde');
    expect(p.words).toContain('brand');
    expect(p.title).toEqual(['bruck', 'valde', 'vier', 'tote']);
  });

  it('takes capitalised words as names only where they do not open a sentence', () => {
    const p = storyProfile({
      text: 'Police said on Monday that Anna Keller had left. Nobody saw her.',
      lang: 'en',
    });
    expect(p.names).toEqual(['monda', 'anna', 'kelle']);
  });

  it('reads thousands separators and decimal commas of either convention', () => {
    const en = storyProfile({ text: 'Some 1,200 people left, and prices rose 3.5 percent.', lang: 'en' });
    const de = storyProfile({
      text: 'Etwa 1.200 Menschen gingen, die Preise stiegen um 3,5 Prozent.',
      lang: 'de',
    });
    expect(en.numbers).toEqual(['1200', '3.5']);
    expect(de.numbers).toEqual(en.numbers);
  });

  it('guesses the language from function words when it is not given', () => {
    expect(storyProfile({ text: bridgeGerman.text }).lang).toBe('de');
    expect(storyProfile({ text: bridge.text }).lang).toBe('en');
    expect(storyProfile({ text: '公路桥倒塌' }).lang).toBe('zh');
  });

  it('takes a headline given apart from the text', () => {
    const p = storyProfile({
      title: 'Orchestra tours',
      text: 'The Halden Philharmonic will play.',
      lang: 'en',
    });
    expect(p.title).toEqual(['orche', 'tours']);
  });
});

describe('fitStoryWeights', () => {
  it('recovers the weights that produced the targets', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const signals: StorySignals[] = Array.from({ length: 400 }, () => ({
      crossLanguage: random() < 0.3 ? 1 : 0,
      body: random(),
      opening: random(),
      titleIn: random(),
      names: random(),
      numbers: random(),
      lengthRatio: random(),
    }));
    const targets = signals.map((s) => storyScore(s));
    const weights = fitStoryWeights(signals, targets, 0);
    weights.forEach((w, i) => {
      expect(w).toBeCloseTo(STORY_WEIGHTS[i]!, 6);
    });
  });

  it('gives a pair with no shared words a score near the bottom of the scale', () => {
    const s = storySignals(storyProfile(bridge), storyProfile(orchestra));
    expect(storyScore(s)).toBeLessThan(-3);
  });
});
