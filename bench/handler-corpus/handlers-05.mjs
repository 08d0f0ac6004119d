let state0_0;
function helper0_1_0(input0_1_0) {
  helper0_2_0(input0_1_0);
}
function helper0_2_0(input0_2_0) {
  helper0_3_0(input0_2_0);
}
function helper0_3_0(input0_3_0) {
  state0_0 ||= new Map();
  state0_0.set(input0_3_0.id, Date.now());
}
export const handler0 = async (event, context) => {
  helper0_1_0(event);
  return { statusCode: 200 };
};
function unrelated0_0(value) {
  return value + 1;
}
function unrelated1_0(value) {
  return value + 1;
}
let state0_1 = [];
function helper1_1_1(input1_1_1) {
  state0_1.push(input1_1_1.id);
}
function helper2_1_1(input2_1_1) {
  helper2_2_1(input2_1_1);
}
function helper2_2_1(input2_2_1) {
  state0_1.unshift(input2_2_1.id);
}
export const handler1 = async (event, context) => {
  const alias0_1 = state0_1;
  alias0_1.push(event.id);
  helper1_1_1(event);
  helper2_1_1(event);
  state0_1.push(event.id);
  return { statusCode: 200 };
};
const unrelated0_1 = [1, 2, 3].map((n) => n * 2);
let state0_2;
export const handler2 = async (event, context) => {
  [1].forEach((item0_1_2) => {
    Promise.resolve(2).then(function (item0_2_2) {
      [3].forEach((item0_3_2) => {
        state0_2 ??= [];
        state0_2.push(event.id);
      });
    });
  });
  state0_2 ??= [];
  const alias1_2 = state0_2;
  alias1_2.unshift(event.id);
  return { statusCode: 200 };
};
function unrelated0_2(value) {
  return value + 1;
}
let state0_3;
let state1_3 = '';
let state2_3 = new Set();
export const handler3 = async (event, context) => {
  state0_3 ??= new Map();
  state0_3.set(event.id, Date.now());
  [1].forEach((item1_1_3) => {
    Promise.resolve(2).then(function (item1_2_3) {
      [3].forEach((item1_3_3) => {
        state1_3 += event.line;
      });
    });
  });
  [1].forEach((item2_1_3) => {
    Promise.resolve(2).then(function (item2_2_3) {
      [3].forEach((item2_3_3) => {
        state2_3.add(event.id);
      });
    });
  });
  return { statusCode: 200 };
};
console.log('unrelated0_3', 0);
console.log('unrelated1_3', 1);
let state0_4;
let state1_4;
let state2_4;
export const handler4 = async (event, context) => {
  [1].forEach((item0_1_4) => {
    state2_4 ??= {};
    state2_4.last = event.body;
  });
  state0_4 ??= [];
  state0_4.push(event.id);
  [1].forEach((item2_1_4) => {
    Promise.resolve(2).then(function (item2_2_4) {
      state0_4 ??= [];
      state0_4 = [...state0_4, event.id];
    });
  });
  return { statusCode: 200 };
};
console.log('unrelated0_4', 0);
let state0_5 = new Map();
export const handler5 = async (event, context) => {
  state0_5.set(event.id, Date.now());
  state0_5.set(event.id, Date.now());
  return { statusCode: 200 };
};
function unrelated0_5(value) {
  return value + 1;
}
function unrelated1_5(value) {
  return value + 1;
}
let state0_6;
let state1_6;
function helper1_1_6(input1_1_6) {
  state0_6 ||= new Map();
  const alias1_6 = state0_6;
  alias1_6.set(input1_1_6.id, Date.now());
}
export const handler6 = async (event, context) => {
  [1].forEach((item0_1_6) => {
    state1_6 ||= [];
    state1_6.push(event.id);
  });
  helper1_1_6(event);
  return { statusCode: 200 };
};
const unrelated0_6 = [1, 2, 3].map((n) => n * 2);
let state0_7 = new Map();
let state1_7 = new Map();
let state2_7 = new Set();
function helper2_1_7(input2_1_7) {
  state0_7.set(input2_1_7.id, Date.now());
}
function helper3_1_7(input3_1_7) {
  helper3_2_7(input3_1_7);
}
function helper3_2_7(input3_2_7) {
  state2_7.add(input3_2_7.id);
}
export const handler7 = async (event, context) => {
  const alias0_7 = state1_7;
  alias0_7.set(event.id, Date.now());
  state2_7.add(event.id);
  helper2_1_7(event);
  helper3_1_7(event);
  return { statusCode: 200 };
};
let state0_8 = 0;
export const handler8 = async (event, context) => {
  state0_8 += 1;
  state0_8++;
  console.log(typeof state0_8);
  return { statusCode: 200 };
};
const unrelated1_8 = new Map();
unrelated1_8.set('key', 1);
let state0_9;
let state1_9 = [];
function helper3_1_9(input3_1_9) {
  helper3_2_9(input3_1_9);
}
function helper3_2_9(input3_2_9) {
  state1_9.unshift(input3_2_9.id);
}
export const handler9 = async (event, context) => {
  [1].forEach((item0_1_9) => {
    Promise.resolve(2).then(function (item0_2_9) {
      [3].forEach((item0_3_9) => {
        if (!state0_9) state0_9 = new Set();
        state0_9.add(event.id);
      });
    });
  });
  [1].forEach((item1_1_9) => {
    Promise.resolve(2).then(function (item1_2_9) {
      [3].forEach((item1_3_9) => {
        state1_9 = [...state1_9, event.id];
      });
    });
  });
  if (!state0_9) state0_9 = new Set();
  const alias2_9 = state0_9;
  alias2_9.add(event.id);
  helper3_1_9(event);
  return { statusCode: 200 };
};
const unrelated0_9 = new Map();
unrelated0_9.set('key', 0);
const unrelated1_9 = new Map();
unrelated1_9.set('key', 1);
let state0_10;
let state1_10 = 0;
let state2_10;
function helper1_1_10(input1_1_10) {
  state0_10 ??= new Map();
  const alias1_10 = state0_10;
  alias1_10.set(input1_1_10.id, Date.now());
}
export const handler10 = async (event, context) => {
  [1].forEach((item0_1_10) => {
    Promise.resolve(2).then(function (item0_2_10) {
      state2_10 ??= {};
      const alias0_10 = state2_10;
      alias0_10[event.id] = true;
    });
  });
  helper1_1_10(event);
  return { statusCode: 200 };
};
let state0_11 = 0;
let state1_11;
export const handler11 = async (event, context) => {
  state0_11 += 1;
  if (!state1_11) state1_11 = new Map();
  state1_11.set(event.id, Date.now());
  [1].forEach((item2_1_11) => {
    if (!state1_11) state1_11 = new Map();
    state1_11.set(event.id, Date.now());
  });
  return { statusCode: 200 };
};
console.log('unrelated0_11', 0);
let state0_12;
function helper2_1_12(input2_1_12) {
  helper2_2_12(input2_1_12);
}
function helper2_2_12(input2_2_12) {
  state0_12 ||= new Set();
  state0_12.add(input2_2_12.id);
}
export const handler12 = async (event, context) => {
  state0_12 ||= new Set();
  state0_12.add(event.id);
  state0_12 ||= new Set();
  state0_12.add(event.id);
  helper2_1_12(event);
  return { statusCode: 200 };
};
function unrelated0_12(value) {
  return value + 1;
}
console.log('unrelated1_12', 1);
let state0_13 = 0;
let state1_13 = '';
let state2_13 = 0;
function helper0_1_13(input0_1_13) {
  helper0_2_13(input0_1_13);
}
function helper0_2_13(input0_2_13) {
  state0_13 += 1;
}
function helper2_1_13(input2_1_13) {
  helper2_2_13(input2_1_13);
}
function helper2_2_13(input2_2_13) {
  helper2_3_13(input2_2_13);
}
function helper2_3_13(input2_3_13) {
  state2_13 += 1;
}
function helper3_1_13(input3_1_13) {
  helper3_2_13(input3_1_13);
}
function helper3_2_13(input3_2_13) {
  helper3_3_13(input3_2_13);
}
function helper3_3_13(input3_3_13) {
  state1_13 += input3_3_13.line;
}
export const handler13 = async (event, context) => {
  helper0_1_13(event);
  [1].forEach((item1_1_13) => {
    Promise.resolve(2).then(function (item1_2_13) {
      state1_13 += event.line;
    });
  });
  helper2_1_13(event);
  helper3_1_13(event);
  return { statusCode: 200 };
};
let state0_14 = {};
let state1_14;
let state2_14 = [];
function helper0_1_14(input0_1_14) {
  helper0_2_14(input0_1_14);
}
function helper0_2_14(input0_2_14) {
  helper0_3_14(input0_2_14);
}
function helper0_3_14(input0_3_14) {
  const alias0_14 = state0_14;
  Object.assign(alias0_14, input0_3_14.overrides);
}
function helper1_1_14(input1_1_14) {
  state2_14.unshift(input1_1_14.id);
}
function helper2_1_14(input2_1_14) {
  helper2_2_14(input2_1_14);
}
function helper2_2_14(input2_2_14) {
  helper2_3_14(input2_2_14);
}
function helper2_3_14(input2_3_14) {
  state1_14 ??= new Map();
  state1_14.set(input2_3_14.id, Date.now());
}
export const handler14 = async (event, context) => {
  helper0_1_14(event);
  helper1_1_14(event);
  helper2_1_14(event);
  [1].forEach((item3_1_14) => {
    Promise.resolve(2).then(function (item3_2_14) {
      [3].forEach((item3_3_14) => {
        const alias3_14 = state0_14;
        alias3_14.last = event.body;
      });
    });
  });
  return { statusCode: 200 };
};
const unrelated0_14 = [1, 2, 3].map((n) => n * 2);
let state0_15;
let state1_15 = 0;
export const handler15 = async (event, context) => {
  state1_15 += 1;
  return { statusCode: 200 };
};
const unrelated0_15 = new Map();
unrelated0_15.set('key', 0);
let state0_16 = '';
function helper1_1_16(input1_1_16) {
  helper1_2_16(input1_1_16);
}
function helper1_2_16(input1_2_16) {
  helper1_3_16(input1_2_16);
}
function helper1_3_16(input1_3_16) {
  state0_16 += input1_3_16.line;
}
function helper2_1_16(input2_1_16) {
  state0_16 += input2_1_16.line;
}
export const handler16 = async (event, context) => {
  [1].forEach((item0_1_16) => {
    Promise.resolve(2).then(function (item0_2_16) {
      state0_16 += event.line;
    });
  });
  helper1_1_16(event);
  helper2_1_16(event);
  state0_16 += event.line;
  return { statusCode: 200 };
};
console.log('unrelated0_16', 0);
const unrelated1_16 = [1, 2, 3].map((n) => n * 2);
let state0_17;
export const handler17 = async (event, context) => {
  if (!state0_17) state0_17 = new Set();
  const alias0_17 = state0_17;
  alias0_17.add(event.id);
  [1].forEach((item1_1_17) => {
    Promise.resolve(2).then(function (item1_2_17) {
      if (!state0_17) state0_17 = new Set();
      state0_17.add(event.id);
    });
  });
  return { statusCode: 200 };
};
let state0_18 = new Map();
function helper0_1_18(input0_1_18) {
  const alias0_18 = state0_18;
  alias0_18.set(input0_1_18.id, Date.now());
}
function helper1_1_18(input1_1_18) {
  helper1_2_18(input1_1_18);
}
function helper1_2_18(input1_2_18) {
  const alias1_18 = state0_18;
  alias1_18.set(input1_2_18.id, Date.now());
}
export const handler18 = async (event, context) => {
  helper0_1_18(event);
  helper1_1_18(event);
  return { statusCode: 200 };
};
function unrelated0_18(value) {
  return value + 1;
}
function unrelated1_18(value) {
  return value + 1;
}
let state0_19;
let state1_19 = 0;
let state2_19 = [];
export const handler19 = async (event, context) => {
  [1].forEach((item0_1_19) => {
    state2_19 = [...state2_19, event.id];
  });
  [1].forEach((item1_1_19) => {
    state1_19 += 1;
  });
  [1].forEach((item2_1_19) => {
    state0_19 ||= new Set();
    state0_19.add(event.id);
  });
  return { statusCode: 200 };
};
