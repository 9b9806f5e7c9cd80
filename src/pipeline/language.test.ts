import { franc } from 'franc-min';
import { describe, expect, it } from 'vitest';
import { rng } from '../testing/synthetic.ts';
import { detectLanguage, francLanguage } from './language.ts';

// Written for this test, a sentence or two in each of several languages and scripts.
const SAMPLES = [
  'The harbour minister said on Monday that the ferry talks had lasted nearly six hours and would resume next week.',
  'Le ministre du port a déclaré lundi que les négociations sur le ferry avaient duré près de six heures.',
  'Der Hafenminister sagte am Montag, die Gespräche über die Fähre hätten fast sechs Stunden gedauert.',
  'El ministro del puerto dijo el lunes que las conversaciones sobre el ferry duraron casi seis horas.',
  'Il ministro del porto ha detto lunedì che i colloqui sul traghetto sono durati quasi sei ore.',
  'O ministro do porto disse na segunda-feira que as negociações sobre a balsa duraram quase seis horas.',
  'De havenminister zei maandag dat de gesprekken over de veerboot bijna zes uur hadden geduurd.',
  'Министр порта заявил в понедельник, что переговоры о пароме длились почти шесть часов.',
  'Міністр порту заявив у понеділок, що переговори щодо порому тривали майже шість годин.',
  'قال وزير الميناء يوم الاثنين إن المحادثات بشأن العبارة استمرت قرابة ست ساعات.',
  'बंदरगाह मंत्री ने सोमवार को कहा कि नौका पर बातचीत लगभग छह घंटे चली।',
  '港口部长周一表示，关于渡轮的会谈持续了将近六个小时。',
  '港湾大臣は月曜日、フェリーをめぐる協議が六時間近く続いたと述べた。',
  '항만 장관은 월요일 여객선 협상이 거의 여섯 시간 동안 계속됐다고 말했다.',
  'Ο υπουργός λιμένων δήλωσε τη Δευτέρα ότι οι συνομιλίες για το πλοίο κράτησαν σχεδόν έξι ώρες.',
  'Satamaministeri sanoi maanantaina, että lauttaneuvottelut kestivät lähes kuusi tuntia.',
  'Minister portu powiedział w poniedziałek, że rozmowy o promie trwały prawie sześć godzin.',
  'Liman bakanı pazartesi günü feribot görüşmelerinin yaklaşık altı saat sürdüğünü söyledi.',
];

describe('francLanguage', () => {
  it('gives franc’s answer on texts in many languages and scripts', () => {
    for (const text of SAMPLES) expect(francLanguage(text), text).toBe(franc(text, { minLength: 40 }));
  });

  it('gives franc’s answer on mixtures, fragments and junk', () => {
    const next = rng(7);
    const junk = [
      '12 345 !!',
      '©®™',
      '\u0000\u0001',
      '   ',
      '🙂🙃',
      'ǅǆ',
      '\uD800',
      '----',
      'https://x.example/a?b=1',
    ];
    for (let n = 0; n < 400; n++) {
      const parts: string[] = [];
      for (let k = 1 + Math.floor(next() * 4); k > 0; k--) {
        const pool = next() < 0.2 ? junk : SAMPLES;
        const text = pool[Math.floor(next() * pool.length)]!;
        const from = Math.floor(next() * text.length);
        parts.push(text.slice(from, from + 10 + Math.floor(next() * 120)));
      }
      const text = parts.join(next() < 0.5 ? ' ' : '\n');
      expect(francLanguage(text), JSON.stringify(text)).toBe(franc(text, { minLength: 40 }));
      expect(francLanguage(text, 10), JSON.stringify(text)).toBe(franc(text, { minLength: 10 }));
    }
  });

  it('answers und for text too short or with no letters, as franc does', () => {
    expect(francLanguage('Short.')).toBe('und');
    expect(francLanguage('1234567890 '.repeat(10))).toBe('und');
  });
});

describe('detectLanguage', () => {
  it('names the language with its two-letter subtag where one exists', () => {
    expect(detectLanguage(SAMPLES[0]!)).toBe('en');
    expect(detectLanguage(SAMPLES[1]!)).toBe('fr');
    expect(detectLanguage(SAMPLES[2]!)).toBe('de');
    expect(detectLanguage('Too short to tell.')).toBeUndefined();
  });
});
