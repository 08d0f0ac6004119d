let state0_0 = [];
let state1_0;
let state2_0;
export const handler0 = async (event, context) => {
  state1_0 ||= new Set();
  state1_0.add(event.id);
  state2_0 ??= new Set();
  state2_0.add(event.id);
  [1].forEach((item2_1_0) => {
    Promise.resolve(2).then(function (item2_2_0) {
      [3].forEach((item2_3_0) => {
        state1_0 ||= new Set();
        const alias2_0 = state1_0;
        alias2_0.add(event.id);
      });
    });
  });
  return { statusCode: 200 };
};
const unrelated0_0 = [1, 2, 3].map((n) => n * 2);
let state0_1 = new Set();
let state1_1 = new Set();
function helper0_1_1(input0_1_1) {
  const alias0_1 = state0_1;
  alias0_1.add(input0_1_1.id);
}
function helper3_1_1(input3_1_1) {
  helper3_2_1(input3_1_1);
}
function helper3_2_1(input3_2_1) {
  helper3_3_1(input3_2_1);
}
function helper3_3_1(input3_3_1) {
  state1_1.add(input3_3_1.id);
}
export const handler1 = async (event, context) => {
  helper0_1_1(event);
  [1].forEach((item1_1_1) => {
    Promise.resolve(2).then(function (item1_2_1) {
      [3].forEach((item1_3_1) => {
        const alias1_1 = state1_1;
        alias1_1.add(event.id);
      });
    });
  });
  state1_1.add(event.id);
  helper3_1_1(event);
  return { statusCode: 200 };
};
const unrelated0_1 = new Map();
unrelated0_1.set('key', 0);
const unrelated1_1 = [1, 2, 3].map((n) => n * 2);
let state0_2 = 0;
let state1_2;
export const handler2 = async (event, context) => {
  [1].forEach((item0_1_2) => {
    Promise.resolve(2).then(function (item0_2_2) {
      state1_2 ||= [];
      state1_2 = [...state1_2, event.id];
    });
  });
  state1_2 ||= [];
  state1_2.push(event.id);
  [1].forEach((item2_1_2) => {
    state1_2 ||= [];
    state1_2 = [...state1_2, event.id];
  });
  state1_2 ||= [];
  const alias3_2 = state1_2;
  alias3_2.push(event.id);
  console.log(typeof state0_2);
  return { statusCode: 200 };
};
let state0_3 = 0;
function helper0_1_3(input0_1_3) {
  state0_3++;
}
function helper3_1_3(input3_1_3) {
  state0_3 += 1;
}
export const handler3 = async (event, context) => {
  helper0_1_3(event);
  state0_3++;
  state0_3++;
  helper3_1_3(event);
  return { statusCode: 200 };
};
const unrelated0_3 = new Map();
unrelated0_3.set('key', 0);
const unrelated1_3 = [1, 2, 3].map((n) => n * 2);
let state0_4 = new Set();
let state1_4 = '';
let state2_4 = new Map();
function helper1_1_4(input1_1_4) {
  state2_4.set(input1_1_4.id, Date.now());
}
export const handler4 = async (event, context) => {
  state0_4.add(event.id);
  helper1_1_4(event);
  state1_4 += event.line;
  [1].forEach((item3_1_4) => {
    state0_4.add(event.id);
  });
  return { statusCode: 200 };
};
console.log('unrelated0_4', 0);
const unrelated1_4 = new Map();
unrelated1_4.set('key', 1);
let state0_5 = [];
let state1_5;
let state2_5;
export const handler5 = async (event, context) => {
  state1_5 ??= new Set();
  state1_5.add(event.id);
  return { statusCode: 200 };
};
let state0_6;
let state1_6 = '';
let state2_6 = '';
export const handler6 = async (event, context) => {
  [1].forEach((item0_1_6) => {
    Promise.resolve(2).then(function (item0_2_6) {
      [3].forEach((item0_3_6) => {
        state0_6 ??= new Map();
        state0_6.set(event.id, Date.now());
      });
    });
  });
  return { statusCode: 200 };
};
const unrelated0_6 = new Map();
unrelated0_6.set('key', 0);
let state0_7 = '';
function helper2_1_7(input2_1_7) {
  state0_7 += input2_1_7.line;
}
export const handler7 = async (event, context) => {
  [1].forEach((item0_1_7) => {
    state0_7 += event.line;
  });
  [1].forEach((item1_1_7) => {
    Promise.resolve(2).then(function (item1_2_7) {
      state0_7 += event.line;
    });
  });
  helper2_1_7(event);
  state0_7 += event.line;
  return { statusCode: 200 };
};
const unrelated0_7 = [1, 2, 3].map((n) => n * 2);
const unrelated1_7 = new Map();
unrelated1_7.set('key', 1);
let state0_8;
let state1_8 = 0;
export const handler8 = async (event, context) => {
  [1].forEach((item0_1_8) => {
    state1_8 += 1;
  });
  [1].forEach((item1_1_8) => {
    state1_8 += 1;
  });
  state0_8 ||= {};
  state0_8[event.id] = true;
  state0_8 ||= {};
  delete state0_8[event.id];
  return { statusCode: 200 };
};
let state0_9 = new Set();
function helper1_1_9(input1_1_9) {
  helper1_2_9(input1_1_9);
}
function helper1_2_9(input1_2_9) {
  const alias1_9 = state0_9;
  alias1_9.add(input1_2_9.id);
}
export const handler9 = async (event, context) => {
  [1].forEach((item0_1_9) => {
    Promise.resolve(2).then(function (item0_2_9) {
      const alias0_9 = state0_9;
      alias0_9.add(event.id);
    });
  });
  helper1_1_9(event);
  [1].forEach((item2_1_9) => {
    Promise.resolve(2).then(function (item2_2_9) {
      state0_9.add(event.id);
    });
  });
  return { statusCode: 200 };
};
let state0_10 = [];
let state1_10;
let state2_10 = '';
export const handler10 = async (event, context) => {
  [1].forEach((item0_1_10) => {
    state0_10.unshift(event.id);
  });
  return { statusCode: 200 };
};
let state0_11 = 0;
let state1_11 = 0;
let state2_11 = [];
function helper1_1_11(input1_1_11) {
  helper1_2_11(input1_1_11);
}
function helper1_2_11(input1_2_11) {
  helper1_3_11(input1_2_11);
}
function helper1_3_11(input1_3_11) {
  state1_11 += 1;
}
function helper2_1_11(input2_1_11) {
  state0_11 += 1;
}
export const handler11 = async (event, context) => {
  [1].forEach((item0_1_11) => {
    state0_11++;
  });
  helper1_1_11(event);
  helper2_1_11(event);
  console.log(typeof state1_11);
  return { statusCode: 200 };
};
function unrelated0_11(value) {
  return value + 1;
}
let state0_12 = '';
let state1_12;
let state2_12 = new Set();
function helper0_1_12(input0_1_12) {
  helper0_2_12(input0_1_12);
}
function helper0_2_12(input0_2_12) {
  helper0_3_12(input0_2_12);
}
function helper0_3_12(input0_3_12) {
  if (!state1_12) state1_12 = new Set();
  const alias0_12 = state1_12;
  alias0_12.add(input0_3_12.id);
}
export const handler12 = async (event, context) => {
  helper0_1_12(event);
  return { statusCode: 200 };
};
const unrelated0_12 = new Map();
unrelated0_12.set('key', 0);
let state0_13 = '';
let state1_13 = [];
export const handler13 = async (event, context) => {
  state0_13 += event.line;
  state0_13 += event.line;
  return { statusCode: 200 };
};
const unrelated0_13 = new Map();
unrelated0_13.set('key', 0);
console.log('unrelated1_13', 1);
let state0_14 = '';
let state1_14;
export const handler14 = async (event, context) => {
  state1_14 ||= new Map();
  state1_14.set(event.id, Date.now());
  [1].forEach((item1_1_14) => {
    Promise.resolve(2).then(function (item1_2_14) {
      [3].forEach((item1_3_14) => {
        state0_14 += event.line;
      });
    });
  });
  return { statusCode: 200 };
};
function unrelated0_14(value) {
  return value + 1;
}
const unrelated1_14 = new Map();
unrelated1_14.set('key', 1);
let state0_15 = 0;
let state1_15;
function helper0_1_15(input0_1_15) {
  state0_15++;
}
function helper1_1_15(input1_1_15) {
  state0_15 += 1;
}
export const handler15 = async (event, context) => {
  helper0_1_15(event);
  helper1_1_15(event);
  console.log(typeof state0_15);
  return { statusCode: 200 };
};
const unrelated1_15 = new Map();
unrelated1_15.set('key', 1);
let state0_16 = new Map();
let state1_16 = new Map();
function helper2_1_16(input2_1_16) {
  helper2_2_16(input2_1_16);
}
function helper2_2_16(input2_2_16) {
  const alias2_16 = state0_16;
  alias2_16.set(input2_2_16.id, Date.now());
}
export const handler16 = async (event, context) => {
  [1].forEach((item0_1_16) => {
    Promise.resolve(2).then(function (item0_2_16) {
      state0_16.set(event.id, Date.now());
    });
  });
  state0_16.set(event.id, Date.now());
  helper2_1_16(event);
  [1].forEach((item3_1_16) => {
    Promise.resolve(2).then(function (item3_2_16) {
      const alias3_16 = state0_16;
      alias3_16.set(event.id, Date.now());
    });
  });
  return { statusCode: 200 };
};
const unrelated0_16 = [1, 2, 3].map((n) => n * 2);
let state0_17 = [];
function helper0_1_17(input0_1_17) {
  state0_17.unshift(input0_1_17.id);
}
export const handler17 = async (event, context) => {
  helper0_1_17(event);
  [1].forEach((item1_1_17) => {
    Promise.resolve(2).then(function (item1_2_17) {
      state0_17.unshift(event.id);
    });
  });
  state0_17.push(event.id);
  state0_17 = [...state0_17, event.id];
  return { statusCode: 200 };
};
console.log('unrelated0_17', 0);
const unrelated1_17 = [1, 2, 3].map((n) => n * 2);
let state0_18 = '';
export const handler18 = async (event, context) => {
  state0_18 += event.line;
  return { statusCode: 200 };
};
const unrelated0_18 = new Map();
unrelated0_18.set('key', 0);
let state0_19 = new Map();
let state1_19 = new Map();
function helper0_1_19(input0_1_19) {
  helper0_2_19(input0_1_19);
}
function helper0_2_19(input0_2_19) {
  state0_19.set(input0_2_19.id, Date.now());
}
function helper1_1_19(input1_1_19) {
  const alias1_19 = state0_19;
  alias1_19.set(input1_1_19.id, Date.now());
}
export const handler19 = async (event, context) => {
  helper0_1_19(event);
  helper1_1_19(event);
  [1].forEach((item2_1_19) => {
    Promise.resolve(2).then(function (item2_2_19) {
      const alias2_19 = state1_19;
      alias2_19.set(event.id, Date.now());
    });
  });
  return { statusCode: 200 };
};
let state0_20;
function helper1_1_20(input1_1_20) {
  helper1_2_20(input1_1_20);
}
function helper1_2_20(input1_2_20) {
  helper1_3_20(input1_2_20);
}
function helper1_3_20(input1_3_20) {
  if (!state0_20) state0_20 = {};
  delete state0_20[input1_3_20.id];
}
export const handler20 = async (event, context) => {
  [1].forEach((item0_1_20) => {
    Promise.resolve(2).then(function (item0_2_20) {
      if (!state0_20) state0_20 = {};
      state0_20[event.id] = true;
    });
  });
  helper1_1_20(event);
  return { statusCode: 200 };
};
function unrelated0_20(value) {
  return value + 1;
}
let state0_21;
export const handler21 = async (event, context) => {
  [1].forEach((item0_1_21) => {
    if (!state0_21) state0_21 = {};
    const alias0_21 = state0_21;
    Object.assign(alias0_21, event.overrides);
  });
  [1].forEach((item1_1_21) => {
    Promise.resolve(2).then(function (item1_2_21) {
      if (!state0_21) state0_21 = {};
      state0_21[event.id] = true;
    });
  });
  console.log(typeof state0_21);
  return { statusCode: 200 };
};
console.log('unrelated0_21', 0);
