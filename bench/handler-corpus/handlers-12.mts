let state0_0 = '';
let state1_0;
export async function handler0(event, context) {
  [1].forEach((item0_1_0) => {
    state0_0 += event.line;
  });
  return { statusCode: 200 };
}
console.log('unrelated0_0', 0);
let state0_1;
function helper1_1_1(input1_1_1) {
  state0_1 ??= {};
  state0_1.last = input1_1_1.body;
}
function helper2_1_1(input2_1_1) {
  state0_1 ??= {};
  Object.assign(state0_1, input2_1_1.overrides);
}
export async function handler1(event, context) {
  [1].forEach((item0_1_1) => {
    Promise.resolve(2).then(function (item0_2_1) {
      [3].forEach((item0_3_1) => {
        state0_1 ??= {};
        delete state0_1[event.id];
      });
    });
  });
  helper1_1_1(event);
  helper2_1_1(event);
  console.log(typeof state0_1);
  return { statusCode: 200 };
}
const unrelated1_1 = [1, 2, 3].map((n) => n * 2);
let state0_2 = {};
let state1_2;
export async function handler2(event, context) {
  [1].forEach((item0_1_2) => {
    Promise.resolve(2).then(function (item0_2_2) {
      Object.assign(state0_2, event.overrides);
    });
  });
  return { statusCode: 200 };
}
let state0_3;
let state1_3 = [];
function helper0_1_3(input0_1_3) {
  helper0_2_3(input0_1_3);
}
function helper0_2_3(input0_2_3) {
  helper0_3_3(input0_2_3);
}
function helper0_3_3(input0_3_3) {
  if (!state0_3) state0_3 = [];
  state0_3.unshift(input0_3_3.id);
}
export async function handler3(event, context) {
  helper0_1_3(event);
  const alias1_3 = state1_3;
  alias1_3.unshift(event.id);
  return { statusCode: 200 };
}
const unrelated0_3 = [1, 2, 3].map((n) => n * 2);
let state0_4 = [];
function helper1_1_4(input1_1_4) {
  helper1_2_4(input1_1_4);
}
function helper1_2_4(input1_2_4) {
  helper1_3_4(input1_2_4);
}
function helper1_3_4(input1_3_4) {
  state0_4 = [...state0_4, input1_3_4.id];
}
export async function handler4(event, context) {
  state0_4.push(event.id);
  helper1_1_4(event);
  [1].forEach((item2_1_4) => {
    Promise.resolve(2).then(function (item2_2_4) {
      [3].forEach((item2_3_4) => {
        state0_4.unshift(event.id);
      });
    });
  });
  return { statusCode: 200 };
}
const unrelated0_4 = new Map();
unrelated0_4.set('key', 0);
let state0_5 = {};
function helper2_1_5(input2_1_5) {
  helper2_2_5(input2_1_5);
}
function helper2_2_5(input2_2_5) {
  const alias2_5 = state0_5;
  alias2_5.last = input2_2_5.body;
}
function helper3_1_5(input3_1_5) {
  state0_5.last = input3_1_5.body;
}
export async function handler5(event, context) {
  delete state0_5[event.id];
  [1].forEach((item1_1_5) => {
    Promise.resolve(2).then(function (item1_2_5) {
      [3].forEach((item1_3_5) => {
        Object.assign(state0_5, event.overrides);
      });
    });
  });
  helper2_1_5(event);
  helper3_1_5(event);
  return { statusCode: 200 };
}
let state0_6 = [];
let state1_6 = new Set();
let state2_6 = '';
function helper1_1_6(input1_1_6) {
  state2_6 += input1_1_6.line;
}
function helper2_1_6(input2_1_6) {
  helper2_2_6(input2_1_6);
}
function helper2_2_6(input2_2_6) {
  helper2_3_6(input2_2_6);
}
function helper2_3_6(input2_3_6) {
  state2_6 += input2_3_6.line;
}
export async function handler6(event, context) {
  state1_6.add(event.id);
  helper1_1_6(event);
  helper2_1_6(event);
  console.log(typeof state0_6);
  return { statusCode: 200 };
}
let state0_7 = 0;
let state1_7 = {};
export async function handler7(event, context) {
  [1].forEach((item0_1_7) => {
    Promise.resolve(2).then(function (item0_2_7) {
      [3].forEach((item0_3_7) => {
        delete state1_7[event.id];
      });
    });
  });
  [1].forEach((item1_1_7) => {
    state0_7 += 1;
  });
  return { statusCode: 200 };
}
let state0_8;
export async function handler8(event, context) {
  if (!state0_8) state0_8 = new Map();
  state0_8.set(event.id, Date.now());
  if (!state0_8) state0_8 = new Map();
  state0_8.set(event.id, Date.now());
  if (!state0_8) state0_8 = new Map();
  state0_8.set(event.id, Date.now());
  if (!state0_8) state0_8 = new Map();
  state0_8.set(event.id, Date.now());
  return { statusCode: 200 };
}
function unrelated0_8(value) {
  return value + 1;
}
let state0_9;
let state1_9 = 0;
let state2_9 = new Map();
export async function handler9(event, context) {
  state2_9.set(event.id, Date.now());
  return { statusCode: 200 };
}
let state0_10 = new Map();
let state1_10 = 0;
function helper1_1_10(input1_1_10) {
  helper1_2_10(input1_1_10);
}
function helper1_2_10(input1_2_10) {
  state0_10.set(input1_2_10.id, Date.now());
}
function helper3_1_10(input3_1_10) {
  state1_10++;
}
export async function handler10(event, context) {
  state0_10.set(event.id, Date.now());
  helper1_1_10(event);
  [1].forEach((item2_1_10) => {
    Promise.resolve(2).then(function (item2_2_10) {
      [3].forEach((item2_3_10) => {
        state1_10 += 1;
      });
    });
  });
  helper3_1_10(event);
  return { statusCode: 200 };
}
console.log('unrelated0_10', 0);
const unrelated1_10 = [1, 2, 3].map((n) => n * 2);
let state0_11 = 0;
let state1_11 = '';
let state2_11;
function helper1_1_11(input1_1_11) {
  helper1_2_11(input1_1_11);
}
function helper1_2_11(input1_2_11) {
  helper1_3_11(input1_2_11);
}
function helper1_3_11(input1_3_11) {
  state0_11++;
}
function helper2_1_11(input2_1_11) {
  state2_11 ||= new Map();
  const alias2_11 = state2_11;
  alias2_11.set(input2_1_11.id, Date.now());
}
export async function handler11(event, context) {
  state1_11 += event.line;
  helper1_1_11(event);
  helper2_1_11(event);
  return { statusCode: 200 };
}
console.log('unrelated0_11', 0);
console.log('unrelated1_11', 1);
let state0_12 = '';
let state1_12 = '';
export async function handler12(event, context) {
  [1].forEach((item0_1_12) => {
    Promise.resolve(2).then(function (item0_2_12) {
      [3].forEach((item0_3_12) => {
        state1_12 += event.line;
      });
    });
  });
  [1].forEach((item1_1_12) => {
    Promise.resolve(2).then(function (item1_2_12) {
      state0_12 += event.line;
    });
  });
  state1_12 += event.line;
  return { statusCode: 200 };
}
const unrelated0_12 = new Map();
unrelated0_12.set('key', 0);
let state0_13;
let state1_13;
let state2_13 = 0;
export async function handler13(event, context) {
  if (!state1_13) state1_13 = [];
  state1_13.push(event.id);
  return { statusCode: 200 };
}
console.log('unrelated0_13', 0);
const unrelated1_13 = new Map();
unrelated1_13.set('key', 1);
let state0_14;
function helper0_1_14(input0_1_14) {
  helper0_2_14(input0_1_14);
}
function helper0_2_14(input0_2_14) {
  helper0_3_14(input0_2_14);
}
function helper0_3_14(input0_3_14) {
  if (!state0_14) state0_14 = new Map();
  state0_14.set(input0_3_14.id, Date.now());
}
function helper2_1_14(input2_1_14) {
  helper2_2_14(input2_1_14);
}
function helper2_2_14(input2_2_14) {
  if (!state0_14) state0_14 = new Map();
  state0_14.set(input2_2_14.id, Date.now());
}
export async function handler14(event, context) {
  helper0_1_14(event);
  if (!state0_14) state0_14 = new Map();
  state0_14.set(event.id, Date.now());
  helper2_1_14(event);
  return { statusCode: 200 };
}
let state0_15;
function helper0_1_15(input0_1_15) {
  state0_15 ??= [];
  state0_15.unshift(input0_1_15.id);
}
function helper2_1_15(input2_1_15) {
  helper2_2_15(input2_1_15);
}
function helper2_2_15(input2_2_15) {
  state0_15 ??= [];
  state0_15.unshift(input2_2_15.id);
}
export async function handler15(event, context) {
  helper0_1_15(event);
  state0_15 ??= [];
  state0_15 = [...state0_15, event.id];
  helper2_1_15(event);
  return { statusCode: 200 };
}
function unrelated0_15(value) {
  return value + 1;
}
let state0_16;
let state1_16;
function helper1_1_16(input1_1_16) {
  helper1_2_16(input1_1_16);
}
function helper1_2_16(input1_2_16) {
  if (!state0_16) state0_16 = {};
  state0_16[input1_2_16.id] = true;
}
export async function handler16(event, context) {
  [1].forEach((item0_1_16) => {
    Promise.resolve(2).then(function (item0_2_16) {
      [3].forEach((item0_3_16) => {
        if (!state0_16) state0_16 = {};
        state0_16.last = event.body;
      });
    });
  });
  helper1_1_16(event);
  if (!state0_16) state0_16 = {};
  state0_16[event.id] = true;
  return { statusCode: 200 };
}
let state0_17 = '';
let state1_17;
let state2_17;
export async function handler17(event, context) {
  state1_17 ||= new Set();
  state1_17.add(event.id);
  state2_17 ||= [];
  const alias1_17 = state2_17;
  alias1_17.push(event.id);
  state2_17 ||= [];
  const alias2_17 = state2_17;
  alias2_17.unshift(event.id);
  return { statusCode: 200 };
}
const unrelated0_17 = [1, 2, 3].map((n) => n * 2);
let state0_18;
let state1_18 = {};
function helper1_1_18(input1_1_18) {
  helper1_2_18(input1_1_18);
}
function helper1_2_18(input1_2_18) {
  const alias1_18 = state1_18;
  Object.assign(alias1_18, input1_2_18.overrides);
}
export async function handler18(event, context) {
  state0_18 ||= new Set();
  state0_18.add(event.id);
  helper1_1_18(event);
  state0_18 ||= new Set();
  state0_18.add(event.id);
  [1].forEach((item3_1_18) => {
    Promise.resolve(2).then(function (item3_2_18) {
      const alias3_18 = state1_18;
      Object.assign(alias3_18, event.overrides);
    });
  });
  console.log(typeof state1_18);
  return { statusCode: 200 };
}
console.log('unrelated0_18', 0);
let state0_19 = 0;
function helper0_1_19(input0_1_19) {
  state0_19++;
}
function helper1_1_19(input1_1_19) {
  helper1_2_19(input1_1_19);
}
function helper1_2_19(input1_2_19) {
  helper1_3_19(input1_2_19);
}
function helper1_3_19(input1_3_19) {
  state0_19 += 1;
}
export async function handler19(event, context) {
  helper0_1_19(event);
  helper1_1_19(event);
  return { statusCode: 200 };
}
const unrelated0_19 = new Map();
unrelated0_19.set('key', 0);
let state0_20 = 0;
let state1_20 = new Set();
export async function handler20(event, context) {
  [1].forEach((item0_1_20) => {
    Promise.resolve(2).then(function (item0_2_20) {
      [3].forEach((item0_3_20) => {
        state0_20 += 1;
      });
    });
  });
  [1].forEach((item1_1_20) => {
    Promise.resolve(2).then(function (item1_2_20) {
      state0_20++;
    });
  });
  [1].forEach((item2_1_20) => {
    const alias2_20 = state1_20;
    alias2_20.add(event.id);
  });
  return { statusCode: 200 };
}
const unrelated0_20 = [1, 2, 3].map((n) => n * 2);
console.log('unrelated1_20', 1);
