let state0_0 = new Set();
let state1_0 = 0;
function helper0_1_0(input0_1_0) {
  helper0_2_0(input0_1_0);
}
function helper0_2_0(input0_2_0) {
  state0_0.add(input0_2_0.id);
}
export async function handler0(event, context) {
  helper0_1_0(event);
  return { statusCode: 200 };
}
let state0_1 = {};
let state1_1;
let state2_1;
function helper0_1_1(input0_1_1) {
  helper0_2_1(input0_1_1);
}
function helper0_2_1(input0_2_1) {
  if (!state2_1) state2_1 = new Set();
  state2_1.add(input0_2_1.id);
}
function helper1_1_1(input1_1_1) {
  helper1_2_1(input1_1_1);
}
function helper1_2_1(input1_2_1) {
  helper1_3_1(input1_2_1);
}
function helper1_3_1(input1_3_1) {
  Object.assign(state0_1, input1_3_1.overrides);
}
export async function handler1(event, context) {
  helper0_1_1(event);
  helper1_1_1(event);
  if (!state1_1) state1_1 = new Set();
  state1_1.add(event.id);
  return { statusCode: 200 };
}
const unrelated0_1 = [1, 2, 3].map((n) => n * 2);
let state0_2;
function helper3_1_2(input3_1_2) {
  if (!state0_2) state0_2 = [];
  state0_2.push(input3_1_2.id);
}
export async function handler2(event, context) {
  [1].forEach((item0_1_2) => {
    Promise.resolve(2).then(function (item0_2_2) {
      [3].forEach((item0_3_2) => {
        if (!state0_2) state0_2 = [];
        state0_2.push(event.id);
      });
    });
  });
  if (!state0_2) state0_2 = [];
  state0_2.push(event.id);
  [1].forEach((item2_1_2) => {
    Promise.resolve(2).then(function (item2_2_2) {
      if (!state0_2) state0_2 = [];
      state0_2.push(event.id);
    });
  });
  helper3_1_2(event);
  return { statusCode: 200 };
}
const unrelated0_2 = [1, 2, 3].map((n) => n * 2);
function unrelated1_2(value) {
  return value + 1;
}
let state0_3 = [];
export async function handler3(event, context) {
  [1].forEach((item0_1_3) => {
    state0_3 = [...state0_3, event.id];
  });
  return { statusCode: 200 };
}
const unrelated0_3 = new Map();
unrelated0_3.set('key', 0);
function unrelated1_3(value) {
  return value + 1;
}
let state0_4 = new Map();
let state1_4;
let state2_4 = '';
function helper0_1_4(input0_1_4) {
  helper0_2_4(input0_1_4);
}
function helper0_2_4(input0_2_4) {
  state2_4 += input0_2_4.line;
}
export async function handler4(event, context) {
  helper0_1_4(event);
  return { statusCode: 200 };
}
const unrelated0_4 = [1, 2, 3].map((n) => n * 2);
let state0_5 = 0;
export async function handler5(event, context) {
  state0_5 += 1;
  state0_5 += 1;
  return { statusCode: 200 };
}
let state0_6;
let state1_6 = '';
let state2_6;
export async function handler6(event, context) {
  [1].forEach((item0_1_6) => {
    state2_6 ||= [];
    state2_6.unshift(event.id);
  });
  [1].forEach((item1_1_6) => {
    if (!state0_6) state0_6 = new Set();
    state0_6.add(event.id);
  });
  if (!state0_6) state0_6 = new Set();
  state0_6.add(event.id);
  state1_6 += event.line;
  return { statusCode: 200 };
}
let state0_7;
function helper0_1_7(input0_1_7) {
  helper0_2_7(input0_1_7);
}
function helper0_2_7(input0_2_7) {
  helper0_3_7(input0_2_7);
}
function helper0_3_7(input0_3_7) {
  if (!state0_7) state0_7 = [];
  state0_7.unshift(input0_3_7.id);
}
function helper2_1_7(input2_1_7) {
  helper2_2_7(input2_1_7);
}
function helper2_2_7(input2_2_7) {
  if (!state0_7) state0_7 = [];
  state0_7 = [...state0_7, input2_2_7.id];
}
export async function handler7(event, context) {
  helper0_1_7(event);
  if (!state0_7) state0_7 = [];
  state0_7 = [...state0_7, event.id];
  helper2_1_7(event);
  [1].forEach((item3_1_7) => {
    if (!state0_7) state0_7 = [];
    const alias3_7 = state0_7;
    alias3_7.unshift(event.id);
  });
  return { statusCode: 200 };
}
let state0_8;
let state1_8;
let state2_8 = 0;
function helper2_1_8(input2_1_8) {
  state1_8 ??= new Set();
  const alias2_8 = state1_8;
  alias2_8.add(input2_1_8.id);
}
function helper3_1_8(input3_1_8) {
  helper3_2_8(input3_1_8);
}
function helper3_2_8(input3_2_8) {
  state2_8 += 1;
}
export async function handler8(event, context) {
  state2_8++;
  state1_8 ??= new Set();
  state1_8.add(event.id);
  helper2_1_8(event);
  helper3_1_8(event);
  console.log(typeof state0_8);
  return { statusCode: 200 };
}
let state0_9 = new Set();
let state1_9;
let state2_9 = new Set();
function helper0_1_9(input0_1_9) {
  helper0_2_9(input0_1_9);
}
function helper0_2_9(input0_2_9) {
  helper0_3_9(input0_2_9);
}
function helper0_3_9(input0_3_9) {
  state1_9 ||= {};
  const alias0_9 = state1_9;
  alias0_9.last = input0_3_9.body;
}
export async function handler9(event, context) {
  helper0_1_9(event);
  console.log(typeof state0_9);
  return { statusCode: 200 };
}
let state0_10 = {};
let state1_10 = '';
function helper1_1_10(input1_1_10) {
  helper1_2_10(input1_1_10);
}
function helper1_2_10(input1_2_10) {
  helper1_3_10(input1_2_10);
}
function helper1_3_10(input1_3_10) {
  delete state0_10[input1_3_10.id];
}
function helper3_1_10(input3_1_10) {
  helper3_2_10(input3_1_10);
}
function helper3_2_10(input3_2_10) {
  state0_10.last = input3_2_10.body;
}
export async function handler10(event, context) {
  [1].forEach((item0_1_10) => {
    Promise.resolve(2).then(function (item0_2_10) {
      [3].forEach((item0_3_10) => {
        const alias0_10 = state0_10;
        delete alias0_10[event.id];
      });
    });
  });
  helper1_1_10(event);
  Object.assign(state0_10, event.overrides);
  helper3_1_10(event);
  return { statusCode: 200 };
}
let state0_11 = '';
let state1_11;
let state2_11 = 0;
function helper0_1_11(input0_1_11) {
  state2_11++;
}
function helper1_1_11(input1_1_11) {
  state1_11 ??= {};
  delete state1_11[input1_1_11.id];
}
function helper2_1_11(input2_1_11) {
  state0_11 += input2_1_11.line;
}
function helper3_1_11(input3_1_11) {
  helper3_2_11(input3_1_11);
}
function helper3_2_11(input3_2_11) {
  state2_11 += 1;
}
export async function handler11(event, context) {
  helper0_1_11(event);
  helper1_1_11(event);
  helper2_1_11(event);
  helper3_1_11(event);
  return { statusCode: 200 };
}
let state0_12 = 0;
let state1_12 = 0;
let state2_12 = new Map();
function helper1_1_12(input1_1_12) {
  state0_12++;
}
export async function handler12(event, context) {
  [1].forEach((item0_1_12) => {
    Promise.resolve(2).then(function (item0_2_12) {
      const alias0_12 = state2_12;
      alias0_12.set(event.id, Date.now());
    });
  });
  helper1_1_12(event);
  console.log(typeof state1_12);
  return { statusCode: 200 };
}
console.log('unrelated0_12', 0);
let state0_13 = 0;
let state1_13 = {};
let state2_13 = '';
export async function handler13(event, context) {
  [1].forEach((item0_1_13) => {
    Promise.resolve(2).then(function (item0_2_13) {
      [3].forEach((item0_3_13) => {
        state0_13 += 1;
      });
    });
  });
  [1].forEach((item1_1_13) => {
    Promise.resolve(2).then(function (item1_2_13) {
      [3].forEach((item1_3_13) => {
        state2_13 += event.line;
      });
    });
  });
  state0_13++;
  console.log(typeof state0_13);
  return { statusCode: 200 };
}
function unrelated1_13(value) {
  return value + 1;
}
let state0_14;
let state1_14;
export async function handler14(event, context) {
  [1].forEach((item0_1_14) => {
    Promise.resolve(2).then(function (item0_2_14) {
      if (!state0_14) state0_14 = new Set();
      state0_14.add(event.id);
    });
  });
  return { statusCode: 200 };
}
let state0_15 = new Map();
export async function handler15(event, context) {
  state0_15.set(event.id, Date.now());
  return { statusCode: 200 };
}
const unrelated0_15 = [1, 2, 3].map((n) => n * 2);
let state0_16 = [];
let state1_16 = {};
let state2_16;
function helper0_1_16(input0_1_16) {
  helper0_2_16(input0_1_16);
}
function helper0_2_16(input0_2_16) {
  helper0_3_16(input0_2_16);
}
function helper0_3_16(input0_3_16) {
  const alias0_16 = state1_16;
  Object.assign(alias0_16, input0_3_16.overrides);
}
export async function handler16(event, context) {
  helper0_1_16(event);
  if (!state2_16) state2_16 = [];
  state2_16.unshift(event.id);
  state1_16[event.id] = true;
  state0_16.push(event.id);
  return { statusCode: 200 };
}
function unrelated0_16(value) {
  return value + 1;
}
function unrelated1_16(value) {
  return value + 1;
}
let state0_17;
let state1_17;
let state2_17;
export async function handler17(event, context) {
  state2_17 ??= {};
  const alias0_17 = state2_17;
  delete alias0_17[event.id];
  [1].forEach((item1_1_17) => {
    Promise.resolve(2).then(function (item1_2_17) {
      state2_17 ??= {};
      state2_17.last = event.body;
    });
  });
  return { statusCode: 200 };
}
let state0_18;
let state1_18;
function helper1_1_18(input1_1_18) {
  state0_18 ||= new Set();
  state0_18.add(input1_1_18.id);
}
export async function handler18(event, context) {
  if (!state1_18) state1_18 = [];
  state1_18.push(event.id);
  helper1_1_18(event);
  [1].forEach((item2_1_18) => {
    Promise.resolve(2).then(function (item2_2_18) {
      [3].forEach((item2_3_18) => {
        if (!state1_18) state1_18 = [];
        state1_18 = [...state1_18, event.id];
      });
    });
  });
  return { statusCode: 200 };
}
function unrelated0_18(value) {
  return value + 1;
}
const unrelated1_18 = new Map();
unrelated1_18.set('key', 1);
let state0_19 = [];
let state1_19;
let state2_19 = 0;
export async function handler19(event, context) {
  [1].forEach((item0_1_19) => {
    Promise.resolve(2).then(function (item0_2_19) {
      state2_19++;
    });
  });
  state0_19.push(event.id);
  return { statusCode: 200 };
}
let state0_20;
let state1_20;
function helper2_1_20(input2_1_20) {
  helper2_2_20(input2_1_20);
}
function helper2_2_20(input2_2_20) {
  helper2_3_20(input2_2_20);
}
function helper2_3_20(input2_3_20) {
  state1_20 ||= new Map();
  state1_20.set(input2_3_20.id, Date.now());
}
export async function handler20(event, context) {
  state0_20 ||= new Map();
  state0_20.set(event.id, Date.now());
  state0_20 ||= new Map();
  state0_20.set(event.id, Date.now());
  helper2_1_20(event);
  return { statusCode: 200 };
}
console.log('unrelated0_20', 0);
function unrelated1_20(value) {
  return value + 1;
}
