// Realistic names of distinct people from many countries, generated from a seed: the
// corpus on which `hub lint`'s "likely same person" rule must raise almost no pairs.
// Shared by the benchmark (npm run bench) and a test.
import { mulberry32 } from './bench/generate.js';

const COUNTRIES = {
  kazakh: {
    given: ['Alikhan', 'Anar', 'Aigerim', 'Askar', 'Bolat', 'Dana', 'Daniyar', 'Gulmira', 'Yerlan', 'Zhanna', 'Nurlan', 'Saule', 'Timur', 'Aliya', 'Marat', 'Madina', 'Serik', 'Asel', 'Kairat', 'Dinara'],
    family: ['Baimenov', 'Zhailganova', 'Raisova', 'Nurpeisov', 'Akhmetov', 'Suleimenova', 'Tokayev', 'Abenova', 'Iskakov', 'Kassymova', 'Omarov', 'Seitkali', 'Zhumabekov', 'Yesenova', 'Mukhanov', 'Tulegenova', 'Sarsenbayev', 'Utemisova', 'Kenzhebekov', 'Dzhaksybekova'],
  },
  russian: {
    given: ['Ivan', 'Olga', 'Sergei', 'Tatyana', 'Dmitry', 'Elena', 'Alexei', 'Natalia', 'Mikhail', 'Irina', 'Pavel', 'Svetlana', 'Andrei', 'Yulia', 'Nikolai', 'Anna', 'Vladimir', 'Ekaterina', 'Roman', 'Maria'],
    family: ['Ivanov', 'Smirnova', 'Kuznetsov', 'Popova', 'Sokolov', 'Lebedeva', 'Kozlov', 'Novikova', 'Morozov', 'Volkova', 'Solovyov', 'Vasilyeva', 'Zaitsev', 'Pavlova', 'Semenov', 'Golubeva', 'Vinogradov', 'Bogdanova', 'Vorobyov', 'Fedorova'],
  },
  kyrgyz: {
    given: ['Almaz', 'Aida', 'Bakyt', 'Cholpon', 'Emil', 'Gulnara', 'Kanat', 'Nazgul', 'Ruslan', 'Zarina', 'Tilek', 'Aizada', 'Nurbek', 'Begimai', 'Azamat', 'Elmira'],
    family: ['Asanov', 'Bekova', 'Dzhumabaev', 'Isakova', 'Mamatov', 'Osmonova', 'Sadykov', 'Toktogulova', 'Usenov', 'Zhusupova', 'Abdyldaev', 'Kadyrova', 'Moldokulov', 'Satybaldieva'],
  },
  uzbek: {
    given: ['Rustam', 'Dilnoza', 'Jasur', 'Malika', 'Sardor', 'Nodira', 'Bekzod', 'Gulnora', 'Otabek', 'Shahnoza', 'Farrukh', 'Zulfiya', 'Sherzod', 'Kamola'],
    family: ['Karimov', 'Yusupova', 'Rakhimov', 'Tashkentova', 'Abdullaev', 'Ismoilova', 'Nazarov', 'Saidova', 'Tursunov', 'Ergasheva', 'Mirzaev', 'Khodjaeva', 'Umarov', 'Aliyeva'],
  },
  korean: {
    given: ['Min-jun', 'Seo-yeon', 'Ji-ho', 'Ha-eun', 'Do-yun', 'Su-bin', 'Jae-won', 'Ye-jin', 'Hyun-woo', 'Ji-woo', 'Seung-hoon', 'Eun-ji', 'Sang-min', 'Hye-jin', 'Dong-hyun', 'Mi-young', 'Seo-chong', 'Pan-suk'],
    family: ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang', 'Cho', 'Yoon', 'Jang', 'Lim', 'Han', 'Oh', 'Seo', 'Shin', 'Kwon', 'Hwang'],
  },
  turkish: {
    given: ['Mehmet', 'Ayşe', 'Mustafa', 'Fatma', 'Ahmet', 'Emine', 'Ali', 'Hatice', 'Hüseyin', 'Zeynep', 'Murat', 'Elif', 'Emre', 'Özlem', 'Burak', 'Selin'],
    family: ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Yıldırım', 'Öztürk', 'Aydın', 'Özdemir', 'Arslan', 'Doğan', 'Kılıç', 'Aslan', 'Çetin', 'Kara'],
  },
  english: {
    given: ['William', 'Mary', 'James', 'Patricia', 'John', 'Jennifer', 'Robert', 'Linda', 'Michael', 'Elizabeth', 'David', 'Susan', 'Richard', 'Jessica', 'Thomas', 'Sarah', 'Daniel', 'Karen', 'Matthew', 'Nancy'],
    family: ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Moore', 'Martin', 'Jackson', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Shields', 'Newland', 'Facer', 'Gerson', 'Robinson'],
  },
  chinese: {
    given: ['Wei', 'Fang', 'Jing', 'Lei', 'Min', 'Yang', 'Jun', 'Xiu Ying', 'Hui', 'Tao', 'Ming', 'Li Na', 'Jie', 'Xiaoling', 'Hao', 'Yan'],
    family: ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Xu', 'Sun', 'Ma', 'Zhu', 'Hu', 'Guo'],
  },
  indian: {
    given: ['Aarav', 'Priya', 'Vivaan', 'Ananya', 'Arjun', 'Diya', 'Rohan', 'Kavya', 'Rahul', 'Pooja', 'Vikram', 'Neha', 'Sanjay', 'Lakshmi', 'Amit', 'Sunita'],
    family: ['Sharma', 'Verma', 'Gupta', 'Singh', 'Kumar', 'Patel', 'Reddy', 'Nair', 'Iyer', 'Mehta', 'Joshi', 'Rao', 'Das', 'Banerjee', 'Chatterjee', 'Pillai'],
  },
  spanish: {
    given: ['José', 'María', 'Juan', 'Carmen', 'Luis', 'Ana', 'Carlos', 'Lucía', 'Javier', 'Isabel', 'Miguel', 'Laura', 'Pedro', 'Sofía', 'Diego', 'Valentina'],
    family: ['García', 'Rodríguez', 'González', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Díaz', 'Hernández', 'Ruiz', 'Moreno', 'Álvarez', 'Romero', 'Navarro'],
  },
  portuguese: {
    given: ['João', 'Ana', 'Pedro', 'Mariana', 'Lucas', 'Beatriz', 'Gabriel', 'Larissa', 'Rafael', 'Camila', 'Thiago', 'Juliana'],
    family: ['Silva', 'Santos', 'Oliveira', 'Souza', 'Pereira', 'Costa', 'Carvalho', 'Almeida', 'Ferreira', 'Ribeiro', 'Gomes', 'Martins'],
  },
  german: {
    given: ['Lukas', 'Anna', 'Maximilian', 'Lea', 'Felix', 'Hannah', 'Jonas', 'Sophie', 'Paul', 'Katharina', 'Stefan', 'Ursula'],
    family: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Koch', 'Richter'],
  },
  french: {
    given: ['Louis', 'Camille', 'Hugo', 'Chloé', 'Jules', 'Manon', 'Antoine', 'Léa', 'Nicolas', 'Élodie', 'Pierre', 'Margaux'],
    family: ['Martin', 'Bernard', 'Dubois', 'Durand', 'Lefebvre', 'Moreau', 'Laurent', 'Simon', 'Michel', 'Garnier', 'Rousseau', 'Fontaine'],
  },
  polish: {
    given: ['Jakub', 'Zofia', 'Kacper', 'Julia', 'Szymon', 'Maja', 'Piotr', 'Agnieszka', 'Tomasz', 'Katarzyna', 'Marek', 'Ewa'],
    family: ['Nowak', 'Kowalski', 'Wiśniewska', 'Wójcik', 'Kowalczyk', 'Kamińska', 'Lewandowski', 'Zielińska', 'Szymański', 'Woźniak', 'Dąbrowski', 'Wawiernia'],
  },
  arabic: {
    given: ['Mohammed', 'Fatima', 'Ahmed', 'Aisha', 'Omar', 'Layla', 'Youssef', 'Mariam', 'Khalid', 'Noor', 'Hassan', 'Salma', 'Larbi', 'Amina'],
    family: ['Al-Farsi', 'Haddad', 'Khoury', 'Mansour', 'Nasser', 'Saleh', 'Hamdan', 'Aziz', 'Rahman', 'Karim', 'Djacta', 'Benali', 'El-Amin', 'Qureshi'],
  },
  african: {
    given: ['Chinedu', 'Ngozi', 'Kwame', 'Ama', 'Oluwaseun', 'Folake', 'Tendai', 'Nomvula', 'Babajide', 'Wanjiru', 'Kofi', 'Zanele'],
    family: ['Okafor', 'Adeyemi', 'Mensah', 'Owusu', 'Nwosu', 'Balogun', 'Moyo', 'Dlamini', 'Kamau', 'Otieno', 'Boateng', 'Ndlovu'],
  },
  vietnamese: {
    given: ['Van An', 'Thi Mai', 'Minh Tuan', 'Thu Ha', 'Quoc Bao', 'Ngoc Lan', 'Duc Anh', 'Thanh Huong', 'Hoang Nam', 'Phuong Linh'],
    family: ['Nguyen', 'Tran', 'Le', 'Pham', 'Hoang', 'Phan', 'Vu', 'Dang', 'Bui', 'Do'],
  },
  japanese: {
    given: ['Haruto', 'Yui', 'Sota', 'Hina', 'Ren', 'Sakura', 'Takumi', 'Aoi', 'Kenji', 'Yuko', 'Hiroshi', 'Naoko'],
    family: ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Kato', 'Yoshida', 'Yamada'],
  },
};

/** `count` distinct full names, "Given Family" (Korean, Chinese and Vietnamese sometimes family first, as sources write them). */
export function distinctNames(count, seed = 1) {
  // The benchmark's seeded generator: the same corpus on every run.
  const random = mulberry32(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const cultures = Object.entries(COUNTRIES);
  const names = [];
  // One person per set of words: "Kim Min-jun" and "Min-jun Kim" are the same person, not two.
  const people = new Set();
  for (let tries = 0; names.length < count && tries < count * 50; tries++) {
    const [culture, lists] = pick(cultures);
    const given = pick(lists.given);
    const family = pick(lists.family);
    const person = [given, family].join(' ').toLowerCase().split(/[\s-]+/).sort().join(' ');
    if (people.has(person)) continue;
    people.add(person);
    const familyFirst = ['korean', 'chinese', 'vietnamese'].includes(culture) && random() < 0.5;
    names.push(familyFirst ? `${family} ${given}` : `${given} ${family}`);
  }
  return names;
}
