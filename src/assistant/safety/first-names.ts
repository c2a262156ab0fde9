// Frequent first names of people living in Germany (children and parents), grouped by origin
// only to keep the list maintainable. Compiled by hand from general knowledge of name
// frequencies; no real person is meant. Matching is case-insensitive on the normalised form.

const GERMAN_FEMALE = `
Mia Emma Hannah Hanna Sofia Sophia Sophie Sofie Emilia Lina Marie Mila Ella Lea Leah Clara Klara
Lena Luisa Louisa Anna Leni Ida Frieda Frida Mathilda Matilda Amelie Charlotte Johanna Lia Lotta
Maja Maya Laura Lara Lilly Lili Lilli Lilly-Marie Nele Paula Pia Sarah Sara Greta Elisa Luise
Marlene Helena Emily Amelia Elena Zoe Julia Juna Malia Mira Nora Rosalie Theresa Alina Antonia
Emilie Carla Karla Jana Victoria Viktoria Isabella Finja Ronja Romy Luna Liv Leonie Annika Svenja
Merle Marla Nina Vanessa Jasmin Yasmin Jessica Jennifer Michelle Celine Chantal Chiara Kiara Melina
Selina Stella Valentina Milena Magdalena Josephine Josefine Amalia Thea Tilda Elli Ellie Fiona
Alessia Aaliyah Lotte Lene Lisann Celina Jolina Joelina Emely Fabienne Franziska Jill Kimberly
Lorena Luana Mariella Marlen Melissa Mina Nelly Noemi Pauline Philippa Rieke Smilla Svea Talea
Tabea Tamara Tessa Vivienne Zoey Hailey Jule Josi Lisa Madeleine Mareike Miriam Ricarda Romina
Sabrina Saskia Wiebke Friederike Henriette Isabell Isabel Jenny Juliane Lydia Rebecca Rebekka
Sina Verena Anne Annemarie Anneliese Johanna Marleen Leila Lilia Liana Lucie Luzie Malou Maxi
Merle Milla Nala Neele Nika Paulina Pauline Rosa Sophia-Marie Tilly Tiana Valerie Vivien Yara
Alena Aurelia Carolin Caroline Karoline Dalia Elsa Enna Fenja Hedi Inga Jette Joline Kaja Kea
Lenja Lotti Luana Mathea Meike Maike Mona Nova Ronja Runa Sanja Selma Stine Tjorven Ylvi
Sabine Susanne Petra Claudia Andrea Nicole Stefanie Stephanie Katrin Kathrin Katja Anja Tanja
Sandra Silke Heike Kerstin Birgit Ute Uta Anke Antje Doreen Peggy Mandy Manuela Yvonne Simone
Daniela Melanie Christina Christine Kristin Kristina Bettina Carola Cornelia Dagmar Diana Elke
Gabriele Gabi Gisela Gudrun Hannelore Heidi Ines Ilona Ingrid Jutta Karin Karen Kirsten Marion
Martina Monika Nadine Nancy Ramona Regina Renate Sigrid Silvia Sylvia Sonja Tina Ulrike Ursula
Ulla Veronika Waltraud Brigitte Erika Helga Christa Inge Ingeborg Irene Ilse Margit Margot
Marianne Rita Rosemarie Roswitha Anita Annette Astrid Beate Bärbel Barbara Birte Britta Doris
Edith Elisabeth Gerda Gertrud Hildegard Janine Jacqueline Janina Katharina Kathleen Manja Maren
Marina Marita Patricia Steffi Susann Yvette Nicola Emmi Else Erna Gerlinde Hedwig Herta Hertha
Irmgard Lieselotte Liselotte Margarete Martha Waltraut Wilma Therese Conny Jasmina Josefa Kati
Katinka Kornelia Larissa Lilian Liane Lore Luzia Marga Mechthild Nadja Natalie Nathalie Nicole
Rabea Regine Sieglinde Sybille Sibylle Tatjana Ute Wera Vera Yvonne Zita Denise Dörte Dorothea
Grit Jeannette Kornelia Madlen Mirjam Nicolette Ronja Sandy Sindy Cindy Jaqueline Ivonne Anett
Annett Antje Constanze Cathleen Diana Elvira Evelyn Gesine Hanka Heidrun Ina Jeanette Kerstin
`;

const GERMAN_MALE = `
Noah Ben Leon Paul Finn Fynn Elias Felix Henry Luis Louis Emil Liam Jonas Luca Luka Lukas Lucas
Maximilian Max Theo Anton Jakob Jacob Matteo Mattis Matthis Oskar Oscar Moritz Leo Milan Niklas
Nicolas Nikolas Karl Carl David Samuel Jonah Jona Julian Levi Tim Tom Mats Malte Ole Piet Jannik
Jannis Janne Lenny Linus Lias Till Vincent Valentin Philipp Phillip Alexander Benjamin Johannes
Jonathan Erik Eric Hannes Hugo Jannes Jasper Jayden Joel Johann Josef Joseph Kilian Konstantin
Leonard Levin Mika Michel Mattheo Nico Niko Noel Rafael Raphael Robin Simon Tobias Aaron Adrian
Alessio Andreas Arne Arthur Artur Bastian Benedikt Bennet Benno Björn Christoph Constantin Daniel
Dennis Dominik Elia Emilio Fabian Florian Frederik Friedrich Fritz Gabriel Georg Gustav Hauke
Henri Hendrik Henrik Jaron Jason Jeremy Joshua Justus Kevin Lasse Lennard Lennart Lennox Leopold
Lian Lorenz Lovis Magnus Manuel Marc Marcel Marco Marius Markus Marcus Martin Marvin Matthias
Maurice Maxim Michael Mirko Nils Niels Pascal Patrick Peter Quentin Rene René Richard Robert Ruben
Sebastian Sven Thomas Thorben Timo Tristan Yannick Yannik Yannis Frank Stefan Stephan Torsten
Thorsten Jens Jörg Uwe Ralf Ralph Mario Steffen Dirk Holger Heiko Olaf Lutz Maik Mike Marko Ronny
Rico Enrico Sandro Silvio Tino Toni Danny Karsten Carsten Volker Rainer Reiner Bernd Detlef Dieter
Gerd Gerhard Günter Günther Hans Harald Heinz Helmut Herbert Horst Hubert Joachim Jürgen Klaus
Claus Lothar Manfred Norbert Reinhard Rolf Rüdiger Siegfried Ulrich Ulf Werner Wilfried Wolfgang
Axel Bernhard Burkhard Christian Eckhard Erwin Friedhelm Gottfried Gunnar Hartmut Heinrich Helge
Hermann Ingo Jochen Karl-Heinz Kurt Lars Ludwig Mathias Norman Otto Roland Rudolf Sascha Thilo
Tilo Tilman Udo Walter Wilhelm Willi Alfred Arno Bruno Egon Erich Franz Hanno Heino Johannes
Konrad Kuno Ludger Oskar Rudi Waldemar Gregor Hagen Henning Janek Jörn Kay Kolja Mirco Ronald
Kai Sönke Torben Denny Falk Falko Mathis Tjark Bjarne Fiete Hinnerk Keno Kjell Lennie Matti Mattes
Janosch Jonte Juri Knut Lutz Mads Marten Merlin Mattes Momme Nepomuk Ole Oke Pepe Quirin Silas
Tammo Taavi Theodor Thies Tom-Luca Vitus Wilko Wito Wulf Jaro Bosse Hendrik Joris Jesper Jonne
Eike Enno Ingmar Sigurd Steve Andy Ronny Marcel Enrico Heiner Jan Jost Klaas
`;

const TURKISH_KURDISH = `
Elif Zeynep Azra Asya Nisa Eda Ecem Esra Büşra Busra Merve Sude Yaren Hira Meryem Fatma Ayşe Ayse
Emine Hatice Zehra Derya Sibel Gülsüm Songül Ebru Özlem Hülya Dilara Dilan Sena Beyza Rabia Melek
Aylin Ayla Defne Yasemin Ecrin Elanur Esila Hiranur Irem İrem Kübra Kubra Medine Nazlı Nazli Öykü
Rümeysa Rumeysa Selin Serra Sevgi Sevda Şeyma Seyma Tuğba Tugba Yağmur Yagmur Zerrin Rojin Ronahi
Berfin Dilek Gizem Leyla Nesrin Pınar Pinar Sultan Şükran Tülay Türkan Gamze Cansu Canan Burcu
Mehmet Mustafa Ahmet Hasan Hüseyin Huseyin İbrahim Ismail İsmail Murat Emre Burak Cem Deniz Efe
Emir Eren Kerem Mert Arda Ömer Omer Yunus Kaan Berat Baran Batuhan Berkay Furkan Hakan Halil
Kemal Kenan Levent Mahmut Metin Orhan Osman Recep Serkan Sinan Tarkan Tolga Tuncay Volkan Yasin
Yiğit Yigit Ege Aras Miran Rojhat Serhat Ercan Erkan Erdal Ferhat Fatih Gökhan Gokhan Harun Ilyas
Kadir Koray Onur Oğuz Oguz Ozan Selim Sercan Tayfun Uğur Ugur Umut Yakup Yavuz Zeki Alper Anıl
Barış Baris Bilal Cengiz Çağlar Caglar Doğan Dogan Eray Erol Hamza Hikmet Kazım Mesut Mücahit
Necati Nihat Oktay Rıza Sadık Salih Şahin Sahin Savaş Selçuk Taner Tayyip Turgut Ümit Vedat
Yasir Yusuf Zafer Musa Enes Emirhan Muhammed Muhammet Eymen Alperen Talha Ayaz Çınar Cinar Mirac
`;

const ARABIC_PERSIAN = `
Layla Lamia Amira Rana Dana Hala Malak Maryam Mariam Fatima Aisha Aischa Aysha Noor Nour Salma
Lujain Rahaf Ranim Shahd Hiba Huda Nisrin Rania Reem Dunja Dunya Lana Laila Zainab Zeinab
Asma Amina Samira Yasmina Soraya Nadia Alaa Aya Batoul Bushra Duaa Ghazal Hajar Jamila Jana Jouri
Kawthar Lamar Lin Maysa Nada Nawal Raghad Rawan Ruqayya Safa Sahar Salwa Sana Shaima Sidra Suha
Tasnim Wafa Widad Yasmin Zahra Zeina Mahsa Parisa Fereshteh Shirin Nazanin Setareh Tahmina Farida
Marzia Mursal Mahnaz Roya Arezoo Sadaf Homa Leila Mahboba Masuma Nargis Negin Parwana Sakina
Sediqa Shabnam Soheila Sorayya Tamana Yalda Zarifa Zohra Zuhal Madina Malalai Arezu Nilufar
Mohammed Mohamed Muhammad Mohammad Ahmad Ahmed Mahmoud Mahmud Omar Umar Khaled Khalid Hassan
Hussein Husain Amir Amin Karim Kareem Tarek Tariq Samir Yassin Yousef Youssef Ibrahim Adam
Ayman Aiman Anas Abdullah Abdul Abdallah Abdulrahman Fadi Firas Ghassan Hisham Imad Issa
Jamal Jamil Kamal Majd Malek Malik Marwan Mazen Moussa Nabil Nasser Osama Qasim Rami Rashid
Saad Saleh Salim Samer Shadi Suleiman Tamer Walid Waleed Yahya Yazan Zaid Zayd Ziad Rayan Rayyan
Ilias Kais Qais Moaz Muaz Farid Hamid Jawad Mahdi Mehdi Mohsen Mostafa Mujtaba Nasir Navid Omid
Reza Rahim Sajad Sajjad Shafiq Sohrab Wahid Javad Hossein Arash Babak Dariush Kian Milad Payam
Pouya Ramin Shayan Ahmadullah Bashir Elyas Habib Hamed Idris Jalal Khalil Latif Mansur Mansour
Mirwais Mustafa Nadim Nawid Noorullah Rahmat Rasul Samiullah Shahid Sharif Zabihullah Zakaria
Zakariya Yassine Abdelkader Mounir Nourdine Rachid Soufiane Hicham Karima Khadija Latifa Meriem
`;

const EASTERN_EUROPEAN = `
Olga Oksana Irina Tatjana Swetlana Svetlana Jelena Ljudmila Galina Anastasia Anastasija Daria
Darja Polina Ksenia Ksenija Aljona Xenia Kateryna Katerina Sofiia Solomiia Viktoriia Yulia Julija
Veronika Weronika Wiktoria Zofia Zuzanna Agnieszka Katarzyna Malgorzata Małgorzata Joanna Magda
Marta Martyna Oliwia Natalia Natalja Natascha Kinga Aleksandra Dorota Ewa Iwona Beata Renata
Agata Emilija Ana Marija Ivana Jovana Milica Dragana Snezana Elma Amra Lejla Ajla Emina Arta Blerta
Dafina Mimoza Ardita Rina Andreea Ioana Bianca Mihaela Gabriela Roxana Denisa Larisa Alexandra
Anastassia Angelina Arina Diana Ekaterina Jekaterina Elvira Inna Kristina Ljuba Ludmila Marina
Nadeschda Nadezhda Nastja Olena Sofija Uljana Valentina Vasilisa Walentina Zlata Halyna Iryna
Mariia Nataliia Tetiana Yana Jana Anhelina Milana Alisa Alissa Kamila Lena Nikola Nikoletta
Piotr Paweł Pawel Tomasz Krzysztof Marcin Michał Michal Jakub Kacper Szymon Wojciech Mateusz
Łukasz Lukasz Bartosz Dawid Kamil Maciej Marek Grzegorz Filip Oliwer Igor Oleksandr Oleksii
Andrii Andriy Dmytro Dmitri Dmitrij Sergej Sergei Serhii Mykola Volodymyr Wladimir Vladimir Iwan
Ivan Jurij Yuri Nikita Maksim Artem Artjom Bogdan Bohdan Denis Egor Jegor Kirill Leonid Mikhail
Michail Nikolai Pavel Ruslan Stanislaw Taras Timur Vadim Wadim Viktor Vitali Vitalij Wassili
Yaroslav Jaroslaw Alexej Alexei Anatoli Boris Evgeni Jewgeni Gennadi Grigori Oleg Witali Eduard
Andrej Matvei Matwej Danylo Daniil Arsenii Platon Makar Tymofii Timofej Amar Armin Adnan Haris
Mirza Tarik Edin Dino Marko Nikola Milos Miloš Nemanja Dusan Dušan Aleksandar Petar Dragan
Zoran Goran Ardit Arber Besnik Blerim Driton Endrit Fatos Ilir Leart Liridon Valon Visar Andrei
Alexandru Cristian Florin Ionut Mihai Razvan Vasile Dorin Ionel Sorin Vlad Luka Jakov Mateo
`;

const OTHER_INTERNATIONAL = `
Justin Dustin Ryan Brian Steven Kenny Ricardo Giuseppe Giovanni Francesco Lorenzo Alessandro
Antonio Paolo Luigi Pedro Diego Carlos Juan Javier Miguel Pablo Jose José Santiago Thiago Luan
Minh Duc Hung Quang Tuan Thanh Khoa Huy Kofi Kwame Emmanuel Abdi Mohamud Yonas Yohannes Dawit
Filmon Mehari Tesfay Robel Semere Biniam Senay Giulia Francesca Alessandra Martina Lucia Carmen
Lucy Chloe Olivia Ava Lily Ruby Amy Kate Katie Ashley Megan Samantha Linh Hoa Huong Thao Ngoc
Trang Hanh Quynh Thuy Nga Senait Helen Selam Rahel Ruth Saba Yohana Winta Eden Luwam Semhar Feven
Aster Jennifer Jessica Jacqueline Nancy Sharon Sheila Stacy Tiffany Whitney Amanda Brenda Cheyenne
Destiny Jamie Jayden Jaden Kayla Kylie Mason Logan Noah Owen Tyler Dylan Connor Aiden Caleb
Mattia Matilde Nicolò Riccardo Tommaso Leonardo Gabriele Andrea Beatrice Aurora Ginevra Vittoria
Marisol Mercedes Pilar Rocío Inés Sofía Valeria Ximena Gonçalo João Tiago Rodrigo Afonso Beatriz
Mariana Leonor Raquel Sinead Siobhan Aoife Niamh Ciara Sean Liam Conor Declan Aidan Finnegan
Amadou Ousmane Moussa Fatoumata Aminata Mariama Ibrahima Mamadou Seydou Chinedu Ngozi Chiamaka
Oluwaseun Tunde Ayodele Blessing Precious Favour Goodluck Prince Mercy Esther Joy Grace Faith
Priya Anjali Aarav Arjun Rohan Rahul Vikram Sanjay Deepak Pooja Neha Aditi Ananya Ishaan Kiran
Wei Jing Mei Ling Xiao Yu Hao Jun Hiroshi Yuki Sakura Haruto Ren Sora Min-jun Ji-woo Seo-yeon
`;


// Second pass (privacy2): frequent names that were missing, by origin. Vietnamese given and
// middle names ("Thi", "Van" stays a particle) are here; Vietnamese family names are in
// pii-surnames.ts.
const MORE_GERMAN = `
Maria Eva Alma Kim Helene Carlotta Mara Emmy Elina Ylvie Jara Livia Lola Malea Marlena Mayla
Nahla Naila Nila Rosie Hanne Ilvy Leana Lenia Lou Lya Maila Neela Alva Elin Inka Elfriede
Gertraud Lisbeth Käthe Liesel Trude Gretel Hilde Hella Sylke Ilka Imke Hauke Frauke Telse Wenke
Julius Ferdinand Wendelin Xaver Sepp Gernot Achim Berthold Dietmar Eberhard Ewald Fred Gunter
Reinhold Sigmar Veit Winfried Bela Lio Milo Nino Colin Damian Dean Joscha Marlon Lenn Nick
Niclas Keanu Kalle Emilian Frieder Carlo Lionel Mio Mailo Juno Benny Sören Soeren Tjalf Fiete
Jannek Jarne Lukas-Noah Mattis Ove Hinrich Gesa Heiner Ronja Anjo
`;

const MORE_TURKISH_KURDISH = `
Ali Can Ayşegül Aysegul Gül Gul Zeliha Hilal Esma Feyza Nehir Ela Duru Asel Zümra Zumra Eslem
Miray Beren Ceren Damla Ezgi Hande İpek Ipek Lale Melis Nihan Pelin Seda Şule Sule Yeliz Ayten
Nurcan Nuray Sevim Saadet Hacer Havva Gülay Gulay Veli Erdem Cihan Alp Doruk Poyraz Kuzey Çağan
Cagan Taha Miraç Rüzgar Ruzgar Serdar Sertan Sezer Tuncer Uğurcan Ugurcan Cemil Şükrü Sukru Nevzat
Fikret Bülent Bulent Nuri Adem Ayhan Engin Emin Ertan Gürkan Gurkan Lokman Rıdvan Ridvan Sedat
Semih Şenol Senol Sefa Ufuk Ünal Unal Yücel Yucel Zekeriya Rojda Zilan Hevin Jiyan Evin Rojbin
Berivan Nalin Rozerin Şirin Sirin Azad Dilşad Dilsad Welat Zana Kawa Kendal Roni Hozan Agid
Yıldız Elçin Elcin Nesrin Gülcan Gulcan Tuğçe Tugce Büşra Aleyna Eylül Eylul Mina Ahsen Ayşenur
`;

const MORE_ARABIC_PERSIAN = `
Obaida Abdulaziz Abdulkarim Ammar Bassam Bashar Fares Faris Hadi Haitham Haidar Haydar Hani Hazem
Husam Iyad Kinan Louay Luay Majed Mamoun Maher Moataz Mohannad Muhannad Munir Nizar Rabih Raed
Riad Saeed Sami Tareq Tamim Wael Wassim Yaman Yamen Zuhair Ayham Baraa Hamoudi Ghaith Jad Karam
Laith Leith Loay Maen Mayar Nagham Rima Ritaj Rouaa Shaza Tala Taim Yaqeen Yumna Ghina Heba Israa
Manal Mayada Najah Rasha Ranya Reham Rola Samah Samar Suad Wiam Amal Asmaa Fatema Fatimah Lubna
Maha Nesreen Noura Nura Raneem Razan Ruba Sawsan Sumaya Wisam Yasmeen Ola Ruaa Dima Hind Joud
Julnar Lilas Lojain Maram Marah Sedra Sila Tuqa Zahraa Hussain Mortaza Murtaza Sayed Zahir
Farhad Farshad Behnam Behrouz Kamran Keyvan Pedram Shahram Siamak Masoud Mehran Hesam Parsa Aria
Arian Ariana Nilofar Nasrin Atena Yasaman Elaheh Hadis Maedeh Mahtab Fatemeh Ahmed-Ali Mhd
Abdulrahim Abdulhadi Abdulla Ahmet Aziz Bakr Daoud Dawood Elias Fawaz Ghassan Hamdi Hamza
`;

const MORE_EASTERN_EUROPEAN = `
Alicja Antonina Jagoda Karolina Klaudia Patrycja Sylwia Justyna Edyta Ewelina Izabela Jolanta
Grażyna Grazyna Bożena Bozena Elżbieta Elzbieta Halina Danuta Krystyna Urszula Wanda Basia Kasia
Gosia Ania Andrzej Antoni Franciszek Stanisław Tadeusz Zbigniew Jerzy Janusz Józef Jozef Kazimierz
Ryszard Mirosław Miroslaw Sławomir Slawomir Leszek Rafał Rafal Przemysław Przemyslaw Arkadiusz
Wiktor Bartek Kuba Wojtek Tymon Ignacy Aleksander Olek Mascha Masha Sascha Sasha Dascha Dasha
Vika Wika Kira Lera Vlada Miroslava Myroslava Oleksandra Khrystyna Bohdana Daryna Solomiya Yeva
Jewa Misha Mischa Kostja Slava Vova Wowa Petja Danil Danila Gleb Ilya Ilja Matvey Savva Semjon
Stepan Timofey Vanya Wanja Yegor Zakhar Arseniy Vsevolod Yurii Vasyl Ostap Nazar Orest Maksym
Vitalii Valentyn Yevhen Ievgen Oleh Ihor Anatolii Petro Pavlo Hryhorii Mykhailo Alexia Gheorghe
Nicolae Costel Georgi Dimitar Todor Hristo Stoyan Plamen Anastasiia Valeriia Yuliia Olha Liudmyla
Svitlana Nadiia Inna Larysa Oksana Ljudmyla Walerija Walentin Konstantyn Jaroslaw Jaroslav
`;

const MORE_VIETNAMESE_OTHER = `
Anh Thu Hien Hang Nhung Phuong Tien Tuyet Vy Nhi Uyen Xuan Hieu Khanh Kien Loc Phong Phuc Quan
Tai Thang Trung Viet Vinh Dat Dung Duy Thinh Toan Thi Ngoc Quoc Huu Mai Lan Nam Bao Hai Long
Thanh Minh Duc Hoang Hong Diem Giang Ha Lien Oanh Tham Tuan Trinh
Abdirahman Abdullahi Ayaan Hodan Hamdi Ifrah Ilhan Warsame Faduma Deka Hawa Sagal Filmon Tedros
Yemane Kidane Selamawit Eyerusalem Meron Merhawi Samson Aman Dawit Yordanos
`;

// Names that are also ordinary German words or sentence openers ("Ernst gemeint", "Nur wenn",
// "ein Roman"): they count as names only after a context cue such as "Frau", "Kind" or "heißt".
export const AMBIGUOUS_FIRST_NAMES = new Set(
  `will ernst frank mark rosa rose iris flora viola wolf kai august mai nur long nam lan
   bao era gent ion lev sham rim aman said roman arsen tuna grace joy faith mercy favour blessing
   precious prince destiny summer sky lin ling jun yu ren sora dino eden aster sultan milan
   kiran hao mei mercedes hagen alexa atlas rio son hai ha bayram ramazan dat dung hang`.split(/\s+/).filter(Boolean),
);

// Lowercased, de-duplicated set of all first names.
export const FIRST_NAMES: ReadonlySet<string> = new Set(
  [
    GERMAN_FEMALE, GERMAN_MALE, TURKISH_KURDISH, ARABIC_PERSIAN, EASTERN_EUROPEAN, OTHER_INTERNATIONAL,
    MORE_GERMAN, MORE_TURKISH_KURDISH, MORE_ARABIC_PERSIAN, MORE_EASTERN_EUROPEAN, MORE_VIETNAMESE_OTHER,
  ]
    .join(' ')
    .split(/\s+/)
    .filter(Boolean)
    .map((name) => name.toLowerCase()),
);
